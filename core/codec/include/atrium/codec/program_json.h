// The JSON form of a membership programme (group, malls, stores, tiers,
// earning rules, expiry), as documented in shared/formats/program.md.
#ifndef ATRIUM_CODEC_PROGRAM_JSON_H_
#define ATRIUM_CODEC_PROGRAM_JSON_H_

#include "atrium/codec/json_reader.h"
#include "atrium/program.h"

namespace atrium::codec {

// Decodes and validates a programme; InvalidArgument names the bad field.
StatusOr<Program> ProgramFromJson(const Json& j);

// A programme's `expiry` object alone (shared/formats/program.md).
StatusOr<ExpiryPolicy> ExpiryFromJson(const Json& j);

// `program` with its rules replaced by `rules`: {tiers, earning, expiry,
// max_receipt_age_days?}, the parts an operator edits (the group, its
// malls and stores, and the car parks stay). The result is validated as a
// whole; InvalidArgument names the bad field.
StatusOr<Program> ProgramWithRules(Program program, const Json& rules);

}  // namespace atrium::codec

#endif  // ATRIUM_CODEC_PROGRAM_JSON_H_
