export { getContact } from './contacts'
