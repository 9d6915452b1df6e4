#include "src/attribution/temporal.h"

#include <cstdlib>

namespace whosaid::internal {
namespace {

bool IsPartOfDay(std::string_view w) {
  return w == "morning" || w == "afternoon" || w == "evening" || w == "night";
}

int ParseDay(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  size_t i = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) v = v * 10 + (s[i] - '0');
  if (i == 0) return -1;
  std::string_view rest = s.substr(i);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return -1;
  return v >= 1 && v <= 31 ? v : -1;
}

}  // namespace

std::vector<TimeExpression> FindTimeExpressions(const TokenizedText& t,
                                                const std::optional<CivilDate>& article_date) {
  std::vector<TimeExpression> out;
  const int n = t.size();
  std::optional<int64_t> base;
  if (article_date) base = DaysFromCivil(*article_date);
  for (int i = 0; i < n; ++i) {
    if (t[i].kind != TokenKind::kWord) continue;
    std::string_view w = t.Lower(i);
    int first = i;
    int last = -1;
    std::optional<int64_t> day;
    int wd = t[i].Is(kCapitalized) ? WeekdayFromName(w) : -1;
    int month = t[i].Is(kCapitalized) ? MonthFromName(t.Surface(i)) : 0;
    if (month > 0 && t.Surface(i).size() < 3) month = 0;
    if (wd >= 0) {
      last = i + 1;
      if (last < n && t.IsWord(last) && IsPartOfDay(t.Lower(last))) ++last;
      if (base) {
        int delta = (Weekday(*base) - wd + 7) % 7;
        day = *base - delta;
      }
    } else if (month > 0 && i + 1 < n && t[i + 1].kind == TokenKind::kNumber && ParseDay(t.Lower(i + 1)) > 0) {
      // "March 3", "March 3, 2025".
      int d = ParseDay(t.Lower(i + 1));
      last = i + 2;
      int year = article_date ? article_date->year : 0;
      if (last + 1 < n && t.IsPunct(last, ',') && t[last + 1].kind == TokenKind::kNumber &&
          t.Surface(last + 1).size() == 4) {
        year = std::atoi(std::string(t.Surface(last + 1)).c_str());
        last += 2;
      }
      if (year > 0 && IsValidCivil(year, month, d)) day = DaysFromCivil(CivilDate{year, month, d});
    } else if (w == "yesterday") {
      last = i + 1;
      if (base) day = *base - 1;
    } else if (w == "today" || w == "tonight") {
      last = i + 1;
      if (base) day = *base;
    } else if (w == "last" && i + 1 < n && t.IsWord(i + 1) && t.Lower(i + 1) == "night") {
      last = i + 2;
      if (base) day = *base - 1;
    }
    if (last < 0) continue;
    // Take in a preceding "on" ("on Saturday").
    if (first > 0 && t.IsWord(first - 1) && t.Lower(first - 1) == "on" &&
        t[first - 1].sentence == t[first].sentence) {
      --first;
    }
    TimeExpression te;
    te.first = first;
    te.last = last;
    if (day) te.date = FormatDate(CivilFromDays(*day));
    out.push_back(te);
    i = last - 1;
  }
  return out;
}

}  // namespace whosaid::internal
