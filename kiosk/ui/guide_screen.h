// The guide mode's screen: the store directory on the left (search by
// pinyin initials on the on-screen keyboard, category chips, the list),
// the floor plan on the right with the chosen store, the walk to it from
// "you are here" drawn floor by floor, and its legs in words; until a
// store is chosen, a QR code that opens the H5 member app on a phone. With
// a member desk, a second tab serves members who scan their code; a third
// lists the mall's campaigns.
#ifndef ATRIUM_KIOSK_UI_GUIDE_SCREEN_H_
#define ATRIUM_KIOSK_UI_GUIDE_SCREEN_H_

#include <imgui.h>

#include <string>

#include "atrium/map/guide.h"
#include "atrium/points/earning.h"
#include "model/member_visit.h"
#include "model/on_screen_keyboard.h"
#include "ui/errand.h"
#include "ui/fonts.h"
#include "ui/words.h"

namespace atrium::kiosk {

class GuideScreen {
 public:
  // `app_url` opens the H5 app at this mall: shown as a QR code. `visit`
  // may be null: no member services. `earning`: the programme's rules,
  // for the campaigns tab. A sign-in and what a member takes run as
  // errands (they ask the server): the member tab waits meanwhile.
  GuideScreen(Guide& guide, MemberVisit* visit, Errand& errand,
              const EarningPolicy& earning, std::string app_url);

  // `now`: the wall clock, for what is on at the mall.
  void Draw(Language language, const Fonts& fonts, Timestamp now);
  // Back to the whole directory, nothing chosen, nobody signed in: for the
  // next passer-by. Not while an errand runs.
  void Reset();
  // A member code from the scanner: their visit begins.
  void OnScanned(const std::string& code);
  // The kiosk's data changed (a sync): the member's card again. Not while
  // an errand runs.
  void Refresh();

 private:
  void Search();
  void DrawDirectory(Language language, float width);
  void DrawRoute(Language language, const Fonts& fonts, ImVec2 size);
  void DrawMap(Language language, const Fonts& fonts);

  Guide& guide_;
  MemberVisit* visit_;
  Errand& errand_;
  enum class Tab { kDirectory, kMember, kCampaigns };
  Tab tab_ = Tab::kDirectory;
  const EarningPolicy& earning_;
  std::string app_url_;
  OnScreenKeyboard keyboard_;
  std::string category_;
  std::string floor_shown_;
  std::string error_;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_GUIDE_SCREEN_H_
