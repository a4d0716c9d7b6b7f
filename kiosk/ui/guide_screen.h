// The guide mode's screen: the store directory on the left (search by
// pinyin initials on the on-screen keyboard, category chips, the list),
// the floor plan on the right with the chosen store, the walk to it from
// "you are here" drawn floor by floor, and its legs in words; until a
// store is chosen, a QR code that opens the H5 member app on a phone.
#ifndef ATRIUM_KIOSK_UI_GUIDE_SCREEN_H_
#define ATRIUM_KIOSK_UI_GUIDE_SCREEN_H_

#include <imgui.h>

#include <string>

#include "model/guide.h"
#include "model/on_screen_keyboard.h"
#include "ui/fonts.h"
#include "ui/words.h"

namespace atrium::kiosk {

class GuideScreen {
 public:
  // `app_url` opens the H5 app at this mall: shown as a QR code.
  GuideScreen(Guide& guide, std::string app_url);

  void Draw(Language language, const Fonts& fonts);
  // Back to the whole directory, nothing chosen: for the next passer-by.
  void Reset();

 private:
  void Search();
  void DrawDirectory(Language language, float width);
  void DrawRoute(Language language, const Fonts& fonts, ImVec2 size);
  void DrawMap(Language language, const Fonts& fonts);

  Guide& guide_;
  std::string app_url_;
  OnScreenKeyboard keyboard_;
  std::string category_;
  std::string floor_shown_;
  std::string error_;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_GUIDE_SCREEN_H_
