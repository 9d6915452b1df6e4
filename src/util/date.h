// Calendar dates as days since 1970-01-01 (proleptic Gregorian), and the
// textual forms news uses. Stateless and thread-safe.
#ifndef WHOSAID_UTIL_DATE_H_
#define WHOSAID_UTIL_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace whosaid::internal {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};

// Returns true when y-m-d is a real calendar date.
bool IsValidCivil(int y, int m, int d);
int64_t DaysFromCivil(CivilDate d);
CivilDate CivilFromDays(int64_t days);
// 0 = Monday ... 6 = Sunday.
int Weekday(int64_t days);
std::string FormatDate(CivilDate d);  // "YYYY-MM-DD"
// Parses "YYYY-MM-DD" (and a longer ISO timestamp, keeping its date part).
std::optional<CivilDate> ParseIsoDate(std::string_view s);
// Returns 1-12 for a month name or common abbreviation ("March", "Mar.",
// "sept"), any case; 0 otherwise.
int MonthFromName(std::string_view word);
// Returns 0-6 (Monday = 0) for a weekday name, any case; -1 otherwise.
int WeekdayFromName(std::string_view word);
// Finds a date written in text: ISO "2025-03-01", "March 1, 2025",
// "1 March 2025", "2025/03/01". Returns the first one found.
std::optional<CivilDate> FindDateInText(std::string_view text);

}  // namespace whosaid::internal

#endif  // WHOSAID_UTIL_DATE_H_
