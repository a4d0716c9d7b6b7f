#include "model/on_screen_keyboard.h"

#include <algorithm>

namespace atrium::kiosk {
namespace {

using KeyRows = std::vector<std::vector<std::string>>;

// The 31 provinces' characters, in the order plate keyboards use.
const KeyRows& ProvinceRows() {
  static const KeyRows kRows = {
      {"京", "津", "沪", "渝", "冀", "豫", "云", "辽"},
      {"黑", "湘", "皖", "鲁", "新", "苏", "浙", "赣"},
      {"鄂", "桂", "甘", "晋", "蒙", "陕", "吉", "闽"},
      {"贵", "粤", "青", "藏", "川", "宁", "琼"},
      {std::string(OnScreenKeyboard::kToLetters),
       std::string(OnScreenKeyboard::kClear),
       std::string(OnScreenKeyboard::kBackspace)}};
  return kRows;
}

const KeyRows& PlateRows() {
  static const KeyRows kRows = {
      {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"},
      {"Q", "W", "E", "R", "T", "Y", "U", "P"},
      {"A", "S", "D", "F", "G", "H", "J", "K", "L"},
      {"Z", "X", "C", "V", "B", "N", "M", "学", "警", "挂"},
      {std::string(OnScreenKeyboard::kToProvinces),
       std::string(OnScreenKeyboard::kClear),
       std::string(OnScreenKeyboard::kBackspace)}};
  return kRows;
}

const KeyRows& SearchRows() {
  static const KeyRows kRows = {
      {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"},
      {"Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"},
      {"A", "S", "D", "F", "G", "H", "J", "K", "L"},
      {"Z", "X", "C", "V", "B", "N", "M"},
      {std::string(OnScreenKeyboard::kClear),
       std::string(OnScreenKeyboard::kBackspace)}};
  return kRows;
}

bool Shows(const KeyRows& rows, std::string_view key) {
  return std::any_of(rows.begin(), rows.end(), [&](const auto& row) {
    return std::find(row.begin(), row.end(), key) != row.end();
  });
}

// Drops the last UTF-8 character.
void PopCharacter(std::string& s) {
  while (!s.empty()) {
    const auto c = static_cast<unsigned char>(s.back());
    s.pop_back();
    if ((c & 0xC0) != 0x80) return;  // a lead byte or ASCII
  }
}

}  // namespace

std::vector<std::string> OnScreenKeyboard::AllLabels() {
  std::vector<std::string> out;
  for (const KeyRows* rows : {&ProvinceRows(), &PlateRows(), &SearchRows()}) {
    for (const auto& row : *rows) out.insert(out.end(), row.begin(), row.end());
  }
  return out;
}

OnScreenKeyboard::OnScreenKeyboard(KeyboardLayout layout, size_t max_chars)
    : layout_(layout),
      max_chars_(max_chars),
      page_(layout == KeyboardLayout::kPlate ? Page::kProvinces
                                             : Page::kLettersDigits) {}

const KeyRows& OnScreenKeyboard::Rows() const {
  if (layout_ == KeyboardLayout::kSearch) return SearchRows();
  return page_ == Page::kProvinces ? ProvinceRows() : PlateRows();
}

bool OnScreenKeyboard::Press(std::string_view key) {
  if (!Shows(Rows(), key)) return false;
  if (key == kBackspace) {
    if (chars_ == 0) return false;
    PopCharacter(text_);
    --chars_;
    if (layout_ == KeyboardLayout::kPlate && chars_ == 0) {
      page_ = Page::kProvinces;
    }
    return true;
  }
  if (key == kClear) {
    Clear();
    return true;
  }
  if (key == kToLetters || key == kToProvinces) {
    page_ = key == kToLetters ? Page::kLettersDigits : Page::kProvinces;
    return true;
  }
  if (chars_ >= max_chars_) return false;
  text_ += key;
  ++chars_;
  if (page_ == Page::kProvinces) page_ = Page::kLettersDigits;
  return true;
}

void OnScreenKeyboard::Clear() {
  text_.clear();
  chars_ = 0;
  if (layout_ == KeyboardLayout::kPlate) page_ = Page::kProvinces;
}

}  // namespace atrium::kiosk
