// Operations made in code for the store tests, as a client would send
// them: an envelope with an origin and its sequence number around a
// payload, made on the morning of the tests' receipts.
#ifndef ATRIUM_TESTS_STORE_LOGGED_OP_H_
#define ATRIUM_TESTS_STORE_LOGGED_OP_H_

#include <string>

#include "atrium/sync/operation.h"

namespace atrium::testing {

inline sync::Operation LoggedOp(const std::string& id,
                                const std::string& origin, int64_t seq,
                                const std::string& type, codec::Json payload) {
  sync::Operation op;
  op.id = id;
  op.origin = *sync::Origin::Parse(origin);
  op.seq = seq;
  op.type = type;
  op.client_time = *ParseIso8601("2026-04-08T07:00:00Z");
  op.payload = std::move(payload);
  return op;
}

// One from a device ("desk", "pos-01").
inline sync::Operation DeviceOp(const std::string& id,
                                const std::string& device, int64_t seq,
                                const std::string& type, codec::Json payload) {
  return LoggedOp(id, "device:" + device, seq, type, std::move(payload));
}

}  // namespace atrium::testing

#endif  // ATRIUM_TESTS_STORE_LOGGED_OP_H_
