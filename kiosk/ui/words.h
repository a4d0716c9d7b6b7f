// The kiosk's words in 简体中文 (the default) and English, by key. A key
// with no entry reads as itself, so a missing word shows, not crashes.
#ifndef ATRIUM_KIOSK_UI_WORDS_H_
#define ATRIUM_KIOSK_UI_WORDS_H_

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace atrium::kiosk {

enum class Language { kZh, kEn };

const char* Word(Language language, const char* key);
// The word with its {name} placeholders filled: Word(l, "walk", {{"m", "12"}}).
std::string Word(
    Language language, const char* key,
    std::initializer_list<std::pair<std::string_view, std::string>> vars);
// Every word in both languages: the glyphs the fonts must hold.
std::vector<std::string> AllWords();

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_WORDS_H_
