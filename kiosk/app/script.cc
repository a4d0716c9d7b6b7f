#include "app/script.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/clock.h"
#include "ui/widgets.h"

namespace atrium::kiosk {
namespace {

// The UTF-8 characters of `text`, one string each.
std::deque<std::string> Characters(const std::string& text) {
  std::deque<std::string> out;
  for (size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    out.push_back(text.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

StatusOr<Script> Script::Load(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound("cannot read the script " + path);
  Script s;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t space = line.find(' ');
    Step step{line.substr(0, space),
              space == std::string::npos ? "" : line.substr(space + 1)};
    if (step.verb == "type") {
      for (std::string& c : Characters(step.arg)) {
        s.steps_.push_back({"tap", std::move(c)});
      }
    } else if (step.verb == "tap" || step.verb == "scan" ||
               step.verb == "plate" || step.verb == "frames" ||
               step.verb == "shot" || step.verb == "sync" ||
               step.verb == "await") {
      s.steps_.push_back(std::move(step));
    } else {
      return InvalidArgument("script: unknown step \"" + line + "\"");
    }
  }
  return s;
}

bool Script::Next(ImGuiIO& io, bool busy, Frame& frame, Status& error) {
  io.MousePos = mouse_;
  io.MouseDown[0] = false;
  if (steps_.empty()) return false;
  Step& step = steps_.front();
  // The frames a tap takes, and a shot, go on while it waits.
  if (!busy || step.verb == "shot" || step.verb == "settle") {
    busy_deadline_ms_ = 0;
  } else {
    const int64_t now = NowMs();
    if (busy_deadline_ms_ == 0) busy_deadline_ms_ = now + 10'000;
    if (now > busy_deadline_ms_) {
      error = Unavailable("script: the screen waited on the server > 10 s");
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return true;
  }
  if (step.verb == "tap") {
    const TouchTarget* target = nullptr;
    for (const TouchTarget& t : DrawnTargets()) {
      if (t.label == step.arg) {
        target = &t;
        break;
      }
    }
    if (target == nullptr) {
      error = NotFound("script: nothing on screen shows \"" + step.arg + "\"");
      return false;
    }
    mouse_ = ImVec2((target->min.x + target->max.x) / 2,
                    (target->min.y + target->max.y) / 2);
    io.MousePos = mouse_;
    io.MouseDown[0] = true;
    // Released on the next frame, where the press counts; then one to draw.
    steps_.front() = {"settle", "2"};
    return true;
  }
  if (step.verb == "frames" || step.verb == "settle") {
    const int left = std::atoi(step.arg.c_str()) - 1;
    if (left > 0) {
      step.arg = std::to_string(left);
    } else {
      steps_.pop_front();
    }
    return true;
  }
  if (step.verb == "await") {
    const int64_t now = NowMs();
    if (step.deadline_ms == 0) step.deadline_ms = now + 10'000;
    if (std::filesystem::exists(step.arg)) {
      steps_.pop_front();
    } else if (now > step.deadline_ms) {
      error = Unavailable("script: " + step.arg + " never came");
      return false;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
  }
  if (step.verb == "scan") frame.scan = step.arg;
  if (step.verb == "plate") frame.plate = step.arg;
  if (step.verb == "shot") frame.shot = step.arg;
  frame.sync = step.verb == "sync";
  steps_.pop_front();
  return true;
}

}  // namespace atrium::kiosk
