// The on-screen keyboard: a plate typed by touch, province first; a store
// search in letters; limits and keys a page does not show.
#include "model/on_screen_keyboard.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace atrium::kiosk {
namespace {

bool PageHas(const OnScreenKeyboard& k, const std::string& key) {
  for (const auto& row : k.Rows()) {
    for (const auto& label : row) {
      if (label == key) return true;
    }
  }
  return false;
}

TEST(OnScreenKeyboardTest, APlateStartsWithItsProvinceThenLettersAndDigits) {
  OnScreenKeyboard k(KeyboardLayout::kPlate, 8);
  EXPECT_EQ(k.page(), OnScreenKeyboard::Page::kProvinces);
  EXPECT_TRUE(PageHas(k, "沪"));
  EXPECT_FALSE(k.Press("A"));  // not on the provinces' page
  EXPECT_TRUE(k.Press("沪"));
  EXPECT_EQ(k.page(), OnScreenKeyboard::Page::kLettersDigits);
  for (const char* key : {"A", "1", "2", "3", "4", "5"}) {
    EXPECT_TRUE(k.Press(key)) << key;
  }
  EXPECT_EQ(k.text(), "沪A12345");
  EXPECT_EQ(k.chars(), 7u);
  // Plates never use I or O.
  EXPECT_FALSE(PageHas(k, "I"));
  EXPECT_FALSE(PageHas(k, "O"));
  EXPECT_FALSE(k.Press("O"));
}

TEST(OnScreenKeyboardTest, BackspaceRemovesAWholeCharacter) {
  OnScreenKeyboard k(KeyboardLayout::kPlate, 8);
  ASSERT_TRUE(k.Press("粤"));
  ASSERT_TRUE(k.Press("B"));
  EXPECT_TRUE(k.Press(OnScreenKeyboard::kBackspace));
  EXPECT_EQ(k.text(), "粤");
  EXPECT_TRUE(k.Press(OnScreenKeyboard::kBackspace));
  EXPECT_EQ(k.text(), "");
  EXPECT_EQ(k.page(), OnScreenKeyboard::Page::kProvinces);
  EXPECT_FALSE(k.Press(OnScreenKeyboard::kBackspace));
}

TEST(OnScreenKeyboardTest, StopsAtItsLimitAndClears) {
  OnScreenKeyboard k(KeyboardLayout::kPlate, 8);
  ASSERT_TRUE(k.Press("京"));
  for (const char* key : {"A", "D", "1", "2", "3", "4", "5"}) {
    ASSERT_TRUE(k.Press(key)) << key;
  }
  EXPECT_FALSE(k.Press("6"));
  EXPECT_EQ(k.text(), "京AD12345");
  EXPECT_TRUE(k.Press(OnScreenKeyboard::kClear));
  EXPECT_EQ(k.text(), "");
  EXPECT_EQ(k.page(), OnScreenKeyboard::Page::kProvinces);
}

TEST(OnScreenKeyboardTest, PagesTurnByHand) {
  OnScreenKeyboard k(KeyboardLayout::kPlate, 8);
  EXPECT_TRUE(k.Press(OnScreenKeyboard::kToLetters));
  EXPECT_EQ(k.page(), OnScreenKeyboard::Page::kLettersDigits);
  EXPECT_TRUE(k.Press(OnScreenKeyboard::kToProvinces));
  EXPECT_EQ(k.page(), OnScreenKeyboard::Page::kProvinces);
  EXPECT_EQ(k.text(), "");
}

TEST(OnScreenKeyboardTest, ASearchTypesPinyinInitials) {
  OnScreenKeyboard k(KeyboardLayout::kSearch, 16);
  EXPECT_FALSE(PageHas(k, "沪"));
  EXPECT_TRUE(PageHas(k, "O"));
  for (const char* key : {"X", "B", "K"}) ASSERT_TRUE(k.Press(key));
  EXPECT_EQ(k.text(), "XBK");
  EXPECT_FALSE(k.Press(OnScreenKeyboard::kToProvinces));
}

// A font built from AllLabels draws every key of every page.
TEST(OnScreenKeyboardTest, AllLabelsHoldsEveryKeyOfEveryPage) {
  const std::vector<std::string> all = OnScreenKeyboard::AllLabels();
  auto holds = [&](const OnScreenKeyboard& k) {
    for (const auto& row : k.Rows()) {
      for (const auto& label : row) {
        if (std::find(all.begin(), all.end(), label) == all.end()) return false;
      }
    }
    return true;
  };
  OnScreenKeyboard plate(KeyboardLayout::kPlate, 8);
  EXPECT_TRUE(holds(plate));
  ASSERT_TRUE(plate.Press("琼"));
  EXPECT_TRUE(holds(plate));
  EXPECT_TRUE(holds(OnScreenKeyboard(KeyboardLayout::kSearch, 8)));
}

}  // namespace
}  // namespace atrium::kiosk
