#include "src/text/plain_text.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/util/ascii.h"
#include "src/util/date.h"
#include "src/util/lexicon.h"

namespace whosaid::internal {
namespace {

std::string_view Trim(std::string_view s) {
  auto space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  // Non-breaking spaces at the edges.
  while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
  while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0") s.remove_suffix(2);
  return s;
}

int CountWords(std::string_view s) {
  int n = 0;
  bool in = false;
  for (char c : s) {
    bool sp = c == ' ' || c == '\t';
    if (!sp && !in) ++n;
    in = !sp;
  }
  return n;
}

int CountLetters(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += std::isalpha(c) || c >= 0xC0;
  return n;
}

bool EndsSentence(std::string_view s) {
  if (s.empty()) return false;
  static const std::string_view kEnds[] = {".", "!", "?", "\"", "\xE2\x80\x9D", "\xE2\x80\x99", ":", ";", "\xC2\xBB", "\xE2\x80\xA6"};
  for (std::string_view e : kEnds) {
    if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
  }
  return false;
}

struct AgencyTable {
  std::unordered_map<std::string, std::string_view> by_lower;
  AgencyTable() {
    for (std::string_view line : LexiconLines("agencies.txt")) {
      std::string_view canon = line.substr(0, line.find('|'));
      size_t pos = 0;
      while (pos <= line.size()) {
        size_t bar = line.find('|', pos);
        if (bar == std::string_view::npos) bar = line.size();
        by_lower.emplace(AsciiLower(line.substr(pos, bar - pos)), canon);
        pos = bar + 1;
      }
    }
  }
};

const AgencyTable& Agencies() {
  static const AgencyTable* table = new AgencyTable();
  return *table;
}

void AddCite(std::string_view agency, Article* a) {
  if (agency.empty()) return;
  std::string name(agency);
  if (std::find(a->cites.begin(), a->cites.end(), name) == a->cites.end()) a->cites.push_back(name);
}

// A toolbar line: a text-size control ("+ ↺ − 16 px"), print/share icons,
// or a bare date label. Short, and mostly not words.
bool IsToolbarLine(std::string_view line) {
  if (line.size() > 160) return false;
  bool px = false;
  for (size_t i = 0; i + 2 <= line.size(); ++i) {
    if (line.substr(i, 2) == "px" && i > 0 && (std::isdigit(static_cast<unsigned char>(line[i - 1])) || line[i - 1] == ' ') &&
        (i + 2 == line.size() || !std::isalpha(static_cast<unsigned char>(line[i + 2])))) {
      px = true;
    }
  }
  bool reset_icon = line.find("\xE2\x86\xBA") != std::string_view::npos;  // ↺
  if (px || reset_icon) return true;
  std::string low = AsciiLower(line);
  static const std::string_view kToolbarWords[] = {"font size", "text size", "a+ a-", "a- a+", "print this"};
  for (std::string_view w : kToolbarWords) if (low.find(w) != std::string::npos) return true;
  return false;
}

// A line that carries only a date, maybe with a label ("Published: ...").
bool IsDateLine(std::string_view line) {
  if (line.size() > 80 || !FindDateInText(line)) return false;
  if (EndsSentence(line) && line.back() != '.') return false;
  return CountWords(line) <= 8;
}

bool IsShareLine(std::string_view line) {
  if (CountWords(line) > 12) return false;
  std::string low = AsciiLower(line);
  static const std::string_view kWords[] = {
      "share this", "share on", "share:", "subscribe", "sign up for", "follow us", "follow on",
      "click here", "read more", "related:", "related articles", "advertisement", "newsletter",
      "tweet", "whatsapp", "telegram channel", "all rights reserved", "copyright", "\xC2\xA9",
      "download our app", "comments", "print", "email this"};
  for (std::string_view w : kWords) {
    if (low.find(w) != std::string::npos) return true;
  }
  return false;
}

// A trailing site name: "News.Az", "Example Times". Short, no sentence end.
bool IsSiteNameLine(std::string_view line) {
  if (line.size() > 60 || CountWords(line) > 4 || EndsSentence(line)) return false;
  if (line.find('.') != std::string_view::npos && line.find(' ') == std::string_view::npos) return true;
  // Capitalised words only.
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') ++i;
    if (i < line.size() && !std::isupper(static_cast<unsigned char>(line[i]))) return false;
    while (i < line.size() && line[i] != ' ') ++i;
  }
  return true;
}

bool IsBylineLine(std::string_view line, std::vector<std::string>* authors) {
  if (line.size() > 100 || CountWords(line) > 10 || EndsSentence(line)) return false;
  if (line.size() < 4 || AsciiLower(line.substr(0, 3)) != "by ") return false;
  std::string_view names = Trim(line.substr(3));
  size_t pos = 0;
  while (pos < names.size()) {
    size_t cut = std::string_view::npos;
    for (std::string_view sep : {std::string_view(","), std::string_view(" and "), std::string_view(" & ")}) {
      size_t at = names.find(sep, pos);
      if (at != std::string_view::npos && at < cut) cut = at;
    }
    size_t end = cut == std::string_view::npos ? names.size() : cut;
    std::string_view name = Trim(names.substr(pos, end - pos));
    if (!name.empty() && std::isupper(static_cast<unsigned char>(name[0]))) authors->emplace_back(name);
    if (cut == std::string_view::npos) break;
    pos = cut + 1;
    while (pos < names.size() && names[pos] != ' ' && (names[pos - 1] == 'd' || names[pos - 1] == '&')) ++pos;
    if (names.substr(cut, 5) == " and ") pos = cut + 5;
    if (names.substr(cut, 3) == " & ") pos = cut + 3;
  }
  return !authors->empty();
}

bool IsHeadline(std::string_view line) {
  if (line.size() > 250 || CountWords(line) > 30 || CountWords(line) < 2) return false;
  if (line.back() == '.' || line.back() == ':' || line.back() == ',') return false;
  return CountLetters(line) * 2 > static_cast<int>(line.size());
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '&';
}

}  // namespace

std::string_view CanonicalAgency(std::string_view word) {
  const auto& table = Agencies().by_lower;
  auto it = table.find(AsciiLower(word));
  return it == table.end() ? std::string_view() : it->second;
}

Status CheckTextInput(std::string_view input, const std::string& id) {
  std::string_view trimmed = input;
  while (!trimmed.empty() && std::isspace(static_cast<unsigned char>(trimmed.front()))) trimmed.remove_prefix(1);
  if (trimmed.empty()) return Status::InvalidArgument(id + ": empty input");
  size_t probe = std::min<size_t>(input.size(), 8192);
  size_t control = 0;
  for (size_t i = 0; i < probe; ++i) {
    unsigned char c = static_cast<unsigned char>(input[i]);
    if (c == 0) {
      return Status::InvalidArgument(id + ": binary data (NUL byte at offset " + std::to_string(i) + ")");
    }
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  if (control * 10 > probe) {
    return Status::InvalidArgument(id + ": binary data (" + std::to_string(control) +
                                   " control bytes in the first " + std::to_string(probe) + ")");
  }
  return Status::Ok();
}

void FindSourcing(std::string_view text, Article* a) {
  // "<Site> reports citing <Agency>", "<Site> reported, citing <Agency>".
  static const std::string_view kCiting[] = {" reports citing ", " reported citing ", " reports, citing ",
                                             " reported, citing ", " reports with reference to ",
                                             " reported with reference to "};
  for (std::string_view pat : kCiting) {
    size_t at = text.find(pat);
    while (at != std::string_view::npos) {
      size_t s = at;
      while (s > 0 && IsNameChar(text[s - 1])) --s;
      // Take in earlier capitalised words: "Example News reports citing".
      while (s >= 2 && text[s - 1] == ' ' && IsNameChar(text[s - 2])) {
        size_t w = s - 1;
        while (w > 0 && IsNameChar(text[w - 1])) --w;
        if (!std::isupper(static_cast<unsigned char>(text[w]))) break;
        s = w;
      }
      std::string_view site = text.substr(s, at - s);
      while (!site.empty() && site.back() == '.') site.remove_suffix(1);
      size_t e = at + pat.size();
      size_t f = e;
      while (f < text.size() && (IsNameChar(text[f]) || (text[f] == ' ' && f + 1 < text.size() &&
                                                          std::isupper(static_cast<unsigned char>(text[f + 1]))))) ++f;
      std::string_view agency = text.substr(e, f - e);
      while (!agency.empty() && agency.back() == '.') agency.remove_suffix(1);
      if (!site.empty() && std::isupper(static_cast<unsigned char>(site[0])) && !a->publisher) a->publisher = std::string(site);
      std::string_view canon = CanonicalAgency(agency);
      if (!canon.empty()) AddCite(canon, a);
      else if (!agency.empty() && std::isupper(static_cast<unsigned char>(agency[0]))) AddCite(agency, a);
      at = text.find(pat, at + 1);
    }
  }
  // Datelines "(AP) —", "(Reuters) -" and a closing "(Reuters)".
  size_t open = text.find('(');
  while (open != std::string_view::npos) {
    size_t close = text.find(')', open);
    if (close == std::string_view::npos || close - open > 40) break;
    std::string_view inside = text.substr(open + 1, close - open - 1);
    std::string_view canon = CanonicalAgency(inside);
    if (!canon.empty()) {
      std::string_view after = Trim(text.substr(close + 1, std::min<size_t>(8, text.size() - close - 1)));
      bool dash = after.rfind("-", 0) == 0 || after.rfind("\xE2\x80\x94", 0) == 0 || after.rfind("\xE2\x80\x93", 0) == 0;
      bool closing = Trim(text.substr(close + 1)).empty();
      if (dash || closing) AddCite(canon, a);
    }
    open = text.find('(', open + 1);
  }
}

void CleanPlainText(std::string_view input, Article* a) {
  std::vector<std::string_view> lines;
  size_t pos = 0;
  while (pos <= input.size()) {
    size_t nl = input.find('\n', pos);
    if (nl == std::string_view::npos) nl = input.size();
    std::string_view line = Trim(input.substr(pos, nl - pos));
    if (!line.empty()) lines.push_back(line);
    pos = nl + 1;
  }
  std::optional<CivilDate> found_date;
  auto drop = [&](std::string_view line) { a->boilerplate_removed.emplace_back(line); };

  // Leading chrome: toolbars, date lines, share lines, then a headline and a byline.
  size_t first = 0;
  while (first < lines.size()) {
    std::string_view line = lines[first];
    if (IsToolbarLine(line) || IsDateLine(line)) {
      if (!found_date) found_date = FindDateInText(line);
      drop(line);
    } else if (IsShareLine(line) && lines.size() - first > 1) {
      drop(line);
    } else if (IsBylineLine(line, &a->authors)) {
      drop(line);
    } else {
      break;
    }
    ++first;
  }
  // A headline: short, no closing period, followed (after any byline or
  // date lines) by body text.
  size_t body = first + 1;
  std::vector<std::string> probe_authors;
  while (body < lines.size() && (IsBylineLine(lines[body], &probe_authors) || IsDateLine(lines[body]))) ++body;
  if (body < lines.size() && IsHeadline(lines[first]) && !IsHeadline(lines[body])) {
    a->title = std::string(lines[first]);
    ++first;
    while (first < lines.size() && (IsBylineLine(lines[first], &a->authors) || IsDateLine(lines[first]))) {
      if (!found_date) found_date = FindDateInText(lines[first]);
      drop(lines[first]);
      ++first;
    }
  }
  // Trailing chrome: share lines and a site name.
  size_t last = lines.size();
  std::optional<std::string> site_line;
  while (last > first + 1) {
    std::string_view line = lines[last - 1];
    if (IsShareLine(line) || IsToolbarLine(line)) {
      drop(line);
    } else if (!site_line && IsSiteNameLine(line)) {
      site_line = std::string(line);
      drop(line);
    } else {
      break;
    }
    --last;
  }
  std::string& text = a->text;
  text.clear();
  for (size_t i = first; i < last; ++i) {
    if (IsShareLine(lines[i]) && CountWords(lines[i]) <= 6 && !EndsSentence(lines[i])) {
      drop(lines[i]);
      continue;
    }
    if (!text.empty()) text.append("\n\n");
    text.append(lines[i]);
  }
  if (!a->date && found_date) a->date = FormatDate(*found_date);
  FindSourcing(text, a);
  if (!a->publisher && site_line) a->publisher = *site_line;
}

}  // namespace whosaid::internal
