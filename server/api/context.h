// ApiContext: the parts of the API, made once by main (or a test's
// server): the service, the gate (who calls), the desk of REST operations,
// the plate key, the mall's files, the payment desk and the log. Routes
// never get it whole: each route file's Add function hands its routes only
// the parts they use (api/access.h, AddRoute).
#ifndef ATRIUM_SERVER_API_CONTEXT_H_
#define ATRIUM_SERVER_API_CONTEXT_H_

#include <functional>
#include <string_view>

#include "api/catalogue_files.h"
#include "api/gate.h"
#include "api/idempotent_op.h"
#include "api/plate_keys.h"

namespace atrium::server {

class PaymentDesk;

// The API's parts, each given to the routes that use it (each route file's
// Uses) and to nothing else.
struct ApiContext {
  ApiContext(Service& service, Credentials& credentials,
             auth::TokenSigner tokens, MemberCodes& member_codes,
             SignInCodes& sign_in_codes, ApiLimits limits,
             std::function<void(std::string_view)> log)
      : service(service),
        gate(service, credentials, std::move(tokens), member_codes,
             sign_in_codes, limits),
        ops(service),
        log(std::move(log)) {}

  Service& service;
  Gate gate;            // who calls, and what they may do now
  OpDesk ops;           // operations for REST requests, by their keys
  PlateKeys plates;     // plates and tickets keyed as operations name them
  Catalogue catalogue;  // the mall's files as served
  // The payment provider's desk; null when the server has none (payments
  // of a fee then answer 503).
  PaymentDesk* payments = nullptr;
  std::function<void(std::string_view)> log;
};

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_CONTEXT_H_
