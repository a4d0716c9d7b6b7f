// The kiosk's frames, until the window closes or a scripted or measured run
// ends: it waits for events while nothing changes (input, a sync, the
// idle timer's next step, an errand done), hands the screen the scanner's
// lines and a script's steps, draws, saves a script's shots, and prints
// the CPU figures of --measure-frames and --measure-idle. The one place
// besides main that reads the clock.
#ifndef ATRIUM_KIOSK_APP_FRAME_LOOP_H_
#define ATRIUM_KIOSK_APP_FRAME_LOOP_H_

#include <GLFW/glfw3.h>

#include <cstdint>
#include <optional>

#include "app/flags.h"
#include "app/script.h"
#include "atrium/time.h"
#include "net/kiosk_replica.h"
#include "ui/kiosk_screen.h"

namespace atrium::kiosk {

// Milliseconds of a steady clock, for idling.
int64_t NowMs();
// The time of day, for what is on at the mall.
Timestamp WallClock();

// Draws frames; the process's exit code.
int RunFrames(GLFWwindow* window, KioskScreen& screen, KioskReplica& replica,
              std::optional<Script> script, const Flags& flags);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_APP_FRAME_LOOP_H_
