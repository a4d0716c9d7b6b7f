// A scripted run of the kiosk, for tests under Xvfb: one step a frame,
// read from a file of lines
//   tap LABEL     touch the target showing LABEL (press, then release)
//   type TEXT     tap each character's key on the on-screen keyboard
//   scan TEXT     the scanner reads TEXT (a member code)
//   plate TEXT    the camera reads a plate
//   frames N      draw N frames untouched
//   sync          sync the kiosk's replica with the server now, and ask
//                 whether a waiting payment was paid (on this frame, as
//                 the worker would in its own time)
//   await FILE    draw frames until FILE exists (a test's signal that
//                 the shopper's phone has paid), at most 10 s
//   shot FILE     save this frame as a PPM picture, and its text layer
//                 (the touch targets' labels) as FILE.targets
// A target is found where the last frame drew it (ui/widgets.h), so a
// script names what a person sees, not pixels. While the screen waits on
// the server (an errand runs) the script waits too, as a person would, at
// most 10 s; only a shot is taken at once (of the wait).
#ifndef ATRIUM_KIOSK_APP_SCRIPT_H_
#define ATRIUM_KIOSK_APP_SCRIPT_H_

#include <imgui.h>

#include <deque>
#include <string>

#include "atrium/status.h"

namespace atrium::kiosk {

class Script {
 public:
  static StatusOr<Script> Load(const std::string& path);

  // What this frame does besides input.
  struct Frame {
    std::string scan;
    std::string plate;
    std::string shot;
    bool sync = false;
  };
  // Before ImGui::NewFrame: sets this frame's mouse in `io`. False when the
  // script is over; an error (a target not on screen) ends it too.
  // `busy`: the screen waits on an errand.
  bool Next(ImGuiIO& io, bool busy, Frame& frame, Status& error);

 private:
  struct Step {
    std::string verb;
    std::string arg;
    int64_t deadline_ms = 0;  // await's, once started
  };
  std::deque<Step> steps_;
  ImVec2 mouse_{-1, -1};
  int64_t busy_deadline_ms_ = 0;  // while the screen waits
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_APP_SCRIPT_H_
