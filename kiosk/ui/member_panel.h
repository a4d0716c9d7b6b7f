// The guide's member services: until a member scans their code, how to;
// then their card, this mall's coupons to claim or to buy with points, and
// what they took with how it stands (done, waiting for the network, or
// refused and why). A sign-in or a take runs as `errand`: meanwhile the
// panel says it waits.
#ifndef ATRIUM_KIOSK_UI_MEMBER_PANEL_H_
#define ATRIUM_KIOSK_UI_MEMBER_PANEL_H_

#include "model/member_visit.h"
#include "ui/errand.h"
#include "ui/fonts.h"
#include "ui/words.h"

namespace atrium::kiosk {

void DrawMemberPanel(MemberVisit& visit, Errand& errand, Language language,
                     const Fonts& fonts);

// Why something could not be done, in the screen's language when the
// code says enough, else the reason as given.
std::string WhyNot(Language language, const Status& s);
// The same for a scanned code the kiosk did not take.
std::string WhyNotSignedIn(Language language, const Status& s);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_MEMBER_PANEL_H_
