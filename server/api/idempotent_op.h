// Running one operation for a REST request under its Idempotency-Key.
//
// The key (1..128 printable ASCII, required) is scoped to the caller and
// names the operation: the same key with the same request replays the
// first answer (header Idempotent-Replayed: true); with another request it
// is 422; while the first is still being answered, 409. The log keeps
// every operation, so keys are kept as long as the log (past 30 days).
//
// Operations made through the REST API have the server's API channel as
// origin (`device:api`): the route has checked the caller, and a phone or
// kiosk that also syncs keeps its own sequence numbers to itself.
#ifndef ATRIUM_SERVER_API_IDEMPOTENT_OP_H_
#define ATRIUM_SERVER_API_IDEMPOTENT_OP_H_

#include <functional>
#include <mutex>
#include <set>
#include <string>

#include "api/gate.h"

namespace atrium::server {

// Idempotency keys whose first request is still being answered.
class InFlight {
 public:
  bool Begin(const std::string& key);
  void End(const std::string& key);

 private:
  std::mutex mu_;
  std::set<std::string> keys_;
};

// What running REST requests' operations needs: the service, the keys in
// flight, and the key the operations' ids are made with.
struct OpDesk {
  explicit OpDesk(Service& service) : service(service) {}
  Service& service;
  // The key of the ids the server gives REST operations (from their
  // Idempotency-Key): secret, so no client can foresee and take one.
  std::string op_id_key;
  InFlight in_flight;
};

// device:api, the origin of operations a route makes for a member or a
// till; an operator's operations are their own (operator:<name>).
sync::Origin ApiOrigin();
sync::Origin OperatorOrigin(const std::string& name);

// Shapes an applied operation's answer; the default is its result, 200.
using ResultShaper = std::function<Response(const sync::OpResult&)>;

struct OpRequest {
  std::string scope;  // the caller: "device:pos-01", "member:M1"
  sync::Origin origin;
  sync::Sender sender;  // who the core authorises it for
  std::string type;
  codec::Json payload;
  // Checked only when the request is new, not a replay (a till's scan of
  // the member may have lapsed since the first answer): a refusal answers
  // instead.
  using Guard = std::function<std::optional<Response>()>;
  Guard guard = nullptr;
  ResultShaper shape = nullptr;
  // Completes the operation once its id is known (a payment order's number
  // comes from it), before it is submitted.
  std::function<void(sync::Operation&)> finish = nullptr;
  // Answers an applied operation later (after a call out), instead of
  // `shape`.
  std::function<void(const sync::OpResult&, const Respond&)> then = nullptr;
};

void RunIdempotent(OpDesk& desk, const Request& req, OpRequest op_request,
                   const Respond& respond);

// Several operations of one request under its key, applied in one batch
// and each answered on its own: operation i is named by the key and
// `parts[i]` (distinct: a member id, say), so a replay replays each.
struct OpPart {
  std::string part;
  codec::Json payload;
};
using EachShaper =
    std::function<Response(std::vector<StatusOr<sync::OpResult>>)>;
void RunIdempotentAll(OpDesk& desk, const Request& req,
                      const std::string& caller, const sync::Origin& origin,
                      sync::Sender sender, const std::string& type,
                      std::vector<OpPart> parts, EachShaper shape,
                      const Respond& respond);

}  // namespace atrium::server

#endif  // ATRIUM_SERVER_API_IDEMPOTENT_OP_H_
