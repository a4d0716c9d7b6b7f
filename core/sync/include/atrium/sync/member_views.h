// The JSON a member, a till or an operator sees of a member, the same from
// the server's state and from a phone's replica. Phone numbers appear only
// masked; a till sees the name's first character only.
#ifndef ATRIUM_SYNC_MEMBER_VIEWS_H_
#define ATRIUM_SYNC_MEMBER_VIEWS_H_

#include "atrium/codec/json_reader.h"
#include "atrium/sync/apply.h"

namespace atrium::sync {

// Tier, progress to the next tier, points: what a member's card shows.
codec::Json CardJson(const GroupState& s, const MemberAccount& a,
                     Timestamp now);
// The member's own profile: the card and their (masked) phone, name,
// birthday and consents.
codec::Json ProfileJson(const GroupState& s, const MemberAccount& a,
                        Timestamp now);
// What a till shows after a scan: card, masked name and phone, and the
// coupons usable now.
codec::Json SummaryJson(const GroupState& s, const MemberAccount& a,
                        Timestamp now);
// The member's coupons, usable ones first, then by expiry.
codec::Json WalletJson(const GroupState& s, const MemberId& member,
                       Timestamp now);

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_MEMBER_VIEWS_H_
