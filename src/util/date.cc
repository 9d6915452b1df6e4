#include "src/util/date.h"

#include <cctype>
#include <cstdio>

namespace whosaid::internal {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool StartsWithLower(std::string_view word, std::string_view prefix) {
  if (word.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) if (Lower(word[i]) != prefix[i]) return false;
  return true;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads up to max_digits digits at s[*i]; returns -1 when there is none.
int ReadNumber(std::string_view s, size_t* i, int max_digits) {
  int v = 0, n = 0;
  while (*i < s.size() && IsDigit(s[*i]) && n < max_digits) { v = v * 10 + (s[*i] - '0'); ++*i; ++n; }
  if (n == 0 || (*i < s.size() && IsDigit(s[*i]))) return -1;
  return v;
}

size_t WordEnd(std::string_view s, size_t i) {
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
  return i;
}

}  // namespace

bool IsValidCivil(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

// Howard Hinnant's days-from-civil algorithm.
int64_t DaysFromCivil(CivilDate c) {
  int y = c.year - (c.month <= 2);
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned mp = (c.month + 9) % 12;
  unsigned doy = (153 * mp + 2) / 5 + c.day - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

CivilDate CivilFromDays(int64_t z) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = static_cast<int64_t>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  unsigned d = doy - (153 * mp + 2) / 5 + 1;
  unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

int Weekday(int64_t days) {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  int64_t w = (days + 3) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string FormatDate(CivilDate d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
  return buf;
}

std::optional<CivilDate> ParseIsoDate(std::string_view s) {
  if (s.size() < 10) return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) if (!IsDigit(s[i])) return std::nullopt;
  if (s[4] != '-' || s[7] != '-') return std::nullopt;
  if (s.size() > 10 && IsDigit(s[10])) return std::nullopt;
  CivilDate d{(s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0'),
              (s[5] - '0') * 10 + (s[6] - '0'), (s[8] - '0') * 10 + (s[9] - '0')};
  if (!IsValidCivil(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

int MonthFromName(std::string_view w) {
  static const char* kMonths[] = {"january", "february", "march", "april", "may", "june",
                                  "july", "august", "september", "october", "november", "december"};
  if (!w.empty() && w.back() == '.') w.remove_suffix(1);
  if (w.size() < 3) return 0;
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kMonths[m];
    if (w.size() > full.size()) continue;
    if (!StartsWithLower(full, "") || !StartsWithLower(w, full.substr(0, w.size()))) continue;
    // Full name, a 3-letter abbreviation, or "sept".
    if (w.size() == full.size() || w.size() == 3 || (m == 8 && w.size() == 4)) return m + 1;
  }
  return 0;
}

int WeekdayFromName(std::string_view w) {
  static const char* kDays[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  for (int d = 0; d < 7; ++d) {
    std::string_view full = kDays[d];
    if (w.size() == full.size() && StartsWithLower(w, full)) return d;
  }
  return -1;
}

std::optional<CivilDate> FindDateInText(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    bool word_start = i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1]));
    if (!word_start) continue;
    if (IsDigit(s[i])) {
      size_t j = i;
      int a = ReadNumber(s, &j, 4);
      if (a < 0) continue;
      if (j - i == 4 && j < s.size() && (s[j] == '-' || s[j] == '/')) {
        // 2025-03-01 or 2025/03/01.
        char sep = s[j++];
        int m = ReadNumber(s, &j, 2);
        if (m < 0 || j >= s.size() || s[j] != sep) continue;
        ++j;
        int d = ReadNumber(s, &j, 2);
        if (d >= 0 && IsValidCivil(a, m, d)) return CivilDate{a, m, d};
      } else if (j - i <= 2 && j < s.size() && s[j] == ' ') {
        // 1 March 2025.
        size_t k = j + 1;
        size_t we = WordEnd(s, k);
        int m = MonthFromName(s.substr(k, we - k + (we < s.size() && s[we] == '.')));
        if (m == 0) continue;
        k = we;
        if (k < s.size() && s[k] == '.') ++k;
        if (k < s.size() && s[k] == ',') ++k;
        while (k < s.size() && s[k] == ' ') ++k;
        int y = ReadNumber(s, &k, 4);
        if (y >= 1000 && IsValidCivil(y, m, a)) return CivilDate{y, m, a};
      }
    } else if (std::isalpha(static_cast<unsigned char>(s[i]))) {
      // March 1, 2025.
      size_t we = WordEnd(s, i);
      size_t k = we;
      if (k < s.size() && s[k] == '.') ++k;
      int m = MonthFromName(s.substr(i, k - i));
      if (m == 0) { i = we; continue; }
      while (k < s.size() && s[k] == ' ') ++k;
      int d = ReadNumber(s, &k, 2);
      if (d < 0) { i = we; continue; }
      if (k + 1 < s.size() && (s.substr(k, 2) == "st" || s.substr(k, 2) == "nd" ||
                               s.substr(k, 2) == "rd" || s.substr(k, 2) == "th")) k += 2;
      if (k < s.size() && s[k] == ',') ++k;
      while (k < s.size() && s[k] == ' ') ++k;
      int y = ReadNumber(s, &k, 4);
      if (y >= 1000 && IsValidCivil(y, m, d)) return CivilDate{y, m, d};
      i = we;
    }
  }
  return std::nullopt;
}

}  // namespace whosaid::internal
