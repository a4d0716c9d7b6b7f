// A member as the server's summary JSON gives them (sync::SummaryJson: a
// kiosk's sign-in answer, or the kiosk's own replica), read as the kiosk's
// screens show them.
#ifndef ATRIUM_KIOSK_NET_MEMBER_SUMMARY_H_
#define ATRIUM_KIOSK_NET_MEMBER_SUMMARY_H_

#include "atrium/codec/json_reader.h"
#include "atrium/status.h"
#include "model/kiosk_member.h"

namespace atrium::kiosk {

// InvalidArgument (naming the field) if it is not a summary.
StatusOr<KioskMember> KioskMemberFromSummary(const codec::Json& summary);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_NET_MEMBER_SUMMARY_H_
