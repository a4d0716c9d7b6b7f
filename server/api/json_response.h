// JSON answers: a body, or an error body {"error": {"code", "message"}}
// with the HTTP status that tells the caller what to do next.
#ifndef ATRIUM_SERVER_API_JSON_RESPONSE_H_
#define ATRIUM_SERVER_API_JSON_RESPONSE_H_

#include <string>

#include "atrium/codec/json_reader.h"
#include "atrium/status.h"
#include "http/messages.h"

namespace atrium::server {

Response JsonResponse(int status, const codec::Json& body);
Response ErrorResponse(int status, std::string_view code,
                       std::string_view message);
// The HTTP status for a core status: 400 bad input, 403 not yours, 404
// missing, 409 the state forbids it now, 503 retry later, 500 a bug.
int HttpStatusFor(StatusCode code);
Response StatusResponse(const Status& s);

// Parses a JSON object body: the Status names what is wrong.
StatusOr<codec::Json> ParseBody(const Request& req);

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_JSON_RESPONSE_H_
