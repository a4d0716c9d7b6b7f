// The on-screen keyboard of a touch screen that has no keys of its own.
//
// Two layouts: a plate (the province character first, then the issuing
// letter and letters and digits, never I or O, which plates do not use)
// and a store search (letters and digits, for names' pinyin initials).
// The plate layout opens on the provinces and turns to letters once one is
// typed; a key switches pages by hand. Text never grows past its limit in
// characters; Press ignores what the page does not show.
#ifndef ATRIUM_KIOSK_MODEL_ON_SCREEN_KEYBOARD_H_
#define ATRIUM_KIOSK_MODEL_ON_SCREEN_KEYBOARD_H_

#include <string>
#include <string_view>
#include <vector>

namespace atrium::kiosk {

enum class KeyboardLayout { kPlate, kSearch };

class OnScreenKeyboard {
 public:
  enum class Page { kProvinces, kLettersDigits };
  // The keys that are not characters.
  static constexpr std::string_view kBackspace = "删除";
  static constexpr std::string_view kClear = "清空";
  static constexpr std::string_view kToProvinces = "省";
  static constexpr std::string_view kToLetters = "ABC";

  OnScreenKeyboard(KeyboardLayout layout, size_t max_chars);
  // Every label of every page of both layouts: the glyphs a font needs.
  static std::vector<std::string> AllLabels();

  Page page() const { return page_; }
  // The current page's keys, row by row, as their labels (UTF-8).
  const std::vector<std::vector<std::string>>& Rows() const;
  // A key's label as Rows() gives it; false when the page has no such key
  // or the text is full.
  bool Press(std::string_view key);

  const std::string& text() const { return text_; }
  size_t chars() const { return chars_; }
  void Clear();

 private:
  KeyboardLayout layout_;
  size_t max_chars_;
  Page page_;
  std::string text_;
  size_t chars_ = 0;
};

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_MODEL_ON_SCREEN_KEYBOARD_H_
