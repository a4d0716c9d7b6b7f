// What a device (a kiosk, a till, a gate) is sent of members' operations:
// no phone number, name, birthday or card. A member's registration reaches
// it as {member_id, phone_masked} and a profile change as {member_id}, so a
// device's replica holds each member by id and masked phone only, and its
// history pages and disk hold nothing more. The server's log keeps the
// operations whole; this is applied as they are sent.
#ifndef ATRIUM_SYNC_DEVICE_VIEW_H_
#define ATRIUM_SYNC_DEVICE_VIEW_H_

#include "atrium/sync/protocol.h"

namespace atrium::sync {

// Rewrites `change.operation` (canonical JSON) to the device's form; other
// types pass unchanged, unparsed.
void MaskForDevice(Change& change);

}  // namespace atrium::sync

#endif  // ATRIUM_SYNC_DEVICE_VIEW_H_
