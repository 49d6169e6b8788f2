export { paginate, paginatePages } from './paginate'
export type { ItemOf, ListFunction, Page, PaginateOptions } from './paginate'
