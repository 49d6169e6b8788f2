import { describe, expect, it } from 'vitest'
import {
  createContact,
  getAccessToken,
  getContact,
  uploadMediaContent,
} from '../../src/index'
import { useEchoServer } from './use-echo-server'

describe('request body', () => {
  const server = useEchoServer()

  it('asks for JSON with Accept: application/json', async () => {
    await getContact(server.createTestClient(), { contactId: 'c1' })

    expect(server.lastRequest().headers.accept).toBe('application/json')
  })

  it('sends no Content-Type when there is no body', async () => {
    await getContact(server.createTestClient(), { contactId: 'c1' })

    expect(server.lastRequest().headers).not.toHaveProperty('content-type')
  })

  it('sends a JSON body with Content-Type: application/json', async () => {
    const contact = { locationId: 'loc_1', firstName: 'Ada' }
    await createContact(server.createTestClient(), contact)

    const request = server.lastRequest()
    expect(request.headers['content-type']).toBe('application/json')
    expect(JSON.parse(request.body)).toEqual(contact)
  })

  it('uploads a FormData file as multipart/form-data with a boundary', async () => {
    const form = new FormData()
    form.append(
      'file',
      new Blob(['%PDF-1.4 bytes'], { type: 'application/pdf' }),
      'a.pdf',
    )
    form.append('name', 'Contract')
    await uploadMediaContent(server.createTestClient(), form)

    const request = server.lastRequest()
    expect(request.headers['content-type']).toMatch(
      /^multipart\/form-data; boundary=\S+$/,
    )
    expect(request.form).toEqual({
      file: {
        filename: 'a.pdf',
        type: 'application/pdf',
        size: 14,
        text: '%PDF-1.4 bytes',
      },
      name: 'Contract',
    })
  })

  it('sends the OAuth token request form-urlencoded', async () => {
    await getAccessToken(server.createTestClient(), {
      client_id: 'id',
      grant_type: 'authorization_code',
      code: 'a b',
    } as never)

    const request = server.lastRequest()
    expect(request.headers['content-type']).toBe(
      'application/x-www-form-urlencoded',
    )
    expect(request.body).toBe(
      'client_id=id&grant_type=authorization_code&code=a+b',
    )
  })
})
