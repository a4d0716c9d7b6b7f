#include "api/idempotent_op.h"

#include <optional>

#include "api/json_response.h"
#include "atrium/auth/crypto.h"

namespace atrium::server {
namespace {

constexpr size_t kMaxKeyLength = 128;

bool ValidKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxKeyLength) return false;
  for (char c : key) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

Response WithReplayHeader(Response r, bool replayed) {
  if (replayed) r.headers.emplace_back("Idempotent-Replayed", "true");
  return r;
}

}  // namespace

bool InFlight::Begin(const std::string& key) {
  std::lock_guard lock(mu_);
  return keys_.insert(key).second;
}

void InFlight::End(const std::string& key) {
  std::lock_guard lock(mu_);
  keys_.erase(key);
}

sync::Origin ApiOrigin() { return {sync::OriginKind::kDevice, "api"}; }

sync::Origin OperatorOrigin(const std::string& name) {
  return {sync::OriginKind::kOperator, name};
}

namespace {

// The request's key scoped to the caller, once it is valid and not in
// flight (registered as in flight); otherwise answers and returns nothing.
std::optional<std::string> BeginKey(OpDesk& desk, const Request& req,
                                    const std::string& caller,
                                    const Respond& respond) {
  const std::string key = req.Header("idempotency-key");
  if (!ValidKey(key)) {
    respond(ErrorResponse(400, "INVALID_ARGUMENT",
                          "an Idempotency-Key header (1..128 printable "
                          "characters) is required"));
    return std::nullopt;
  }
  std::string scope = caller + "\n" + key;
  if (!desk.in_flight.Begin(scope)) {
    respond(ErrorResponse(409, "IN_FLIGHT",
                          "a request with this Idempotency-Key is still "
                          "being answered"));
    return std::nullopt;
  }
  return scope;
}

// Fixed-length and free of the key's characters: any key fits an id.
// Keyed by the server's secret, and outside the ids clients push (which
// start with their origin), so no client can take one first.
std::string OpId(const OpDesk& desk, const std::string& scope) {
  return "k-" +
         auth::Hex(auth::HmacSha256(desk.op_id_key, scope).substr(0, 16));
}

}  // namespace

void RunIdempotent(OpDesk& desk, const Request& req, OpRequest o,
                   const Respond& respond) {
  std::optional<std::string> key = BeginKey(desk, req, o.scope, respond);
  if (!key) return;
  const std::string scope = std::move(*key);
  sync::Operation op;
  op.id = OpId(desk, scope);
  op.origin = std::move(o.origin);
  op.type = std::move(o.type);
  op.client_time = desk.service.Now();
  op.payload = std::move(o.payload);
  if (o.finish) o.finish(op);
  if (o.guard && !desk.service.Contains(op.id)) {
    if (std::optional<Response> refused = o.guard()) {
      desk.in_flight.End(scope);
      respond(std::move(*refused));
      return;
    }
  }
  desk.service.Submit(
      std::move(op), std::move(o.sender),
      [&desk, scope, respond, shape = std::move(o.shape),
       then = std::move(o.then)](StatusOr<sync::OpResult> r) {
        desk.in_flight.End(scope);
        if (!r.ok()) {
          if (r.status().code() == StatusCode::kAlreadyExists) {
            respond(ErrorResponse(422, "IDEMPOTENCY_KEY_REUSED",
                                  r.status().message()));
          } else {
            respond(StatusResponse(r.status()));
          }
          return;
        }
        if (!r->applied) {
          respond(WithReplayHeader(StatusResponse(r->error), r->replayed));
          return;
        }
        if (then) {
          const bool replayed = r->replayed;
          then(*r, [respond, replayed](Response out) {
            respond(WithReplayHeader(std::move(out), replayed));
          });
          return;
        }
        respond(WithReplayHeader(
            shape ? shape(*r) : JsonResponse(200, r->result), r->replayed));
      });
}

void RunIdempotentAll(OpDesk& desk, const Request& req,
                      const std::string& caller, const sync::Origin& origin,
                      sync::Sender sender, const std::string& type,
                      std::vector<OpPart> parts, EachShaper shape,
                      const Respond& respond) {
  std::optional<std::string> key = BeginKey(desk, req, caller, respond);
  if (!key) return;
  std::vector<sync::Operation> ops;
  ops.reserve(parts.size());
  for (OpPart& p : parts) {
    sync::Operation& op = ops.emplace_back();
    op.id = OpId(desk, *key + "\n" + p.part);
    op.origin = origin;
    op.type = type;
    op.client_time = desk.service.Now();
    op.payload = std::move(p.payload);
  }
  desk.service.SubmitAll(
      std::move(ops), std::move(sender),
      [&desk, scope = std::move(*key), respond, shape = std::move(shape)](
          std::vector<StatusOr<sync::OpResult>> results) {
        desk.in_flight.End(scope);
        respond(shape(std::move(results)));
      });
}

}  // namespace atrium::server
