// Identity rules for people across articles.
#include "src/store/person_identity.h"

#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "src/store/text_signature.h"

namespace whosaid::internal {
namespace {

// Words that, leading a name, are part of a title rather than the name.
const std::unordered_set<std::string>& TitleWords() {
  static const auto* words = new std::unordered_set<std::string>{
      "president", "vice", "chief", "secretary", "general", "minister", "prime", "foreign",
      "defense", "defence", "senator", "sen", "rep", "representative", "gov", "governor",
      "mayor", "mr", "mrs", "ms", "dr", "prof", "professor", "former", "chancellor",
      "spokesman", "spokeswoman", "spokesperson", "speaker", "leader", "judge", "justice",
      "attorney", "ambassador", "general", "gen", "col", "lt", "sgt", "adm", "admiral",
      "director", "chairman", "chairwoman", "chair", "ceo", "candidate", "nominee",
      "king", "queen", "prince", "pope", "sir", "lord", "dame", "rev", "the", "of",
      "house", "state", "us", "u", "s", "uk", "un", "eu", "nato", "white", "democratic",
      "republican", "gop", "sec", "commissioner", "congressman", "congresswoman", "deputy"};
  return *words;
}

const std::unordered_set<std::string>& Suffixes() {
  static const auto* words = new std::unordered_set<std::string>{"jr", "sr", "ii", "iii", "iv"};
  return *words;
}

// Title words too common to tell two titles apart.
const std::unordered_set<std::string>& GenericTitleWords() {
  static const auto* words = new std::unordered_set<std::string>{
      "former", "the", "of", "and", "for", "s", "u", "us", "chief", "head", "top", "senior",
      "deputy", "vice", "acting", "interim", "then", "new", "official"};
  return *words;
}

const std::unordered_map<std::string, std::string>& Nicknames() {
  static const auto* names = new std::unordered_map<std::string, std::string>{
      {"bill", "william"}, {"will", "william"}, {"bob", "robert"}, {"rob", "robert"},
      {"joe", "joseph"},   {"mike", "michael"}, {"jim", "james"},  {"tom", "thomas"},
      {"dick", "richard"}, {"rick", "richard"}, {"ted", "edward"}, {"ed", "edward"},
      {"dave", "david"},   {"dan", "daniel"},   {"chris", "christopher"}, {"tony", "anthony"},
      {"steve", "steven"}, {"nick", "nicholas"}, {"liz", "elizabeth"}, {"beto", "robert"},
      {"alex", "alexander"}, {"andy", "andrew"}, {"matt", "matthew"}, {"pat", "patrick"}};
  return *names;
}

std::string Canonical(const std::string& first) {
  auto it = Nicknames().find(first);
  return it == Nicknames().end() ? first : it->second;
}

std::vector<std::string> TitleKeys(const std::vector<std::string>& titles) {
  std::vector<std::string> out;
  for (const std::string& t : titles) {
    for (std::string& w : NormalizedWords(t)) {
      if (!GenericTitleWords().count(w)) out.push_back(std::move(w));
    }
  }
  return out;
}

bool ShareWord(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& x : a) {
    for (const std::string& y : b) {
      if (x == y) return true;
    }
  }
  return false;
}

// Splits on spaces, keeping each word's original text.
std::vector<std::string> RawWords(std::string_view name) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : name) {
    if (c == ' ' || c == '\t' || c == '\n' || c == ',') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string Join(const std::vector<std::string>& words, size_t begin, size_t end) {
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (!out.empty()) out.push_back(' ');
    out += words[i];
  }
  return out;
}

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::string out;
  bool ascii = true;
  for (char c : name) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    // The common case, without building the words: ASCII letters and
    // digits, lowercased, each run separated by one space.
    out.reserve(name.size());
    bool gap = false;
    for (char c : name) {
      bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z', digit = c >= '0' && c <= '9';
      if (!lower && !upper && !digit) {
        gap = true;
        continue;
      }
      if (gap && !out.empty()) out.push_back(' ');
      gap = false;
      out.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
    }
    return out;
  }
  for (const std::string& w : NormalizedWords(name)) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

PersonName ParsePersonName(std::string_view name, bool is_organization) {
  PersonName p;
  p.is_organization = is_organization;
  if (is_organization) {
    p.full = NormalizeName(name);
    p.display = std::string(name);
    return p;
  }
  std::vector<std::string> raw = RawWords(name);
  size_t begin = 0, end = raw.size();
  while (end > begin + 1 && Suffixes().count(NormalizeName(raw[end - 1]))) --end;
  // A leading word is a title when it is a title word or an all-capital
  // acronym ("NATO", "U.S."), and a name still follows it.
  while (end - begin > 1) {
    std::string norm = NormalizeName(raw[begin]);
    bool acronym = raw[begin].size() >= 2 && !std::islower(static_cast<unsigned char>(raw[begin][1])) &&
                   std::isupper(static_cast<unsigned char>(raw[begin][0]));
    bool lower = std::islower(static_cast<unsigned char>(raw[begin][0]));
    if (!TitleWords().count(norm) && !acronym && !lower) break;
    ++begin;
  }
  p.leading_title = Join(raw, 0, begin);
  p.display = Join(raw, begin, end);
  std::vector<std::string> words = NormalizedWords(p.display);
  p.full = NormalizeName(p.display);
  if (words.empty()) return p;
  p.surname = words.back();
  if (words.size() >= 2) {
    p.first = words.front();
    p.first_is_initial = p.first.size() == 1;
  }
  return p;
}

bool FirstNamesCompatible(const PersonName& a, const PersonName& b) {
  if (a.first.empty() || b.first.empty()) return true;
  if (a.first_is_initial || b.first_is_initial) return a.first[0] == b.first[0];
  return Canonical(a.first) == Canonical(b.first);
}

bool TitlesConflict(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::string> ka = TitleKeys(a), kb = TitleKeys(b);
  if (ka.empty() || kb.empty()) return false;
  return !ShareWord(ka, kb);
}

bool TitlesAgree(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return ShareWord(TitleKeys(a), TitleKeys(b));
}

int64_t MatchKnownPerson(const PersonName& name, const std::vector<std::string>& titles,
                         const std::vector<KnownPerson>& candidates) {
  std::vector<const KnownPerson*> pointers;
  for (const KnownPerson& k : candidates) pointers.push_back(&k);
  return MatchKnownPerson(name, titles, pointers);
}

int64_t MatchKnownPerson(const PersonName& name, const std::vector<std::string>& titles,
                         const std::vector<const KnownPerson*>& candidates) {
  if (name.full.empty()) return 0;
  if (name.is_organization) {
    for (const KnownPerson* k : candidates) {
      if (k->name.is_organization && k->name.full == name.full) return k->id;
    }
    return 0;
  }
  std::vector<const KnownPerson*> full_ok, surname_only_ok;
  bool conflicting_first_name = false;
  for (const KnownPerson* candidate : candidates) {
    const KnownPerson& k = *candidate;
    if (k.name.is_organization || k.name.surname != name.surname) continue;
    // The same full name (not an initial) is the same person whatever the
    // titles: people change jobs between articles.
    if (!name.first.empty() && !name.first_is_initial && k.name.full == name.full) return k.id;
    if (!FirstNamesCompatible(name, k.name)) {
      conflicting_first_name = true;
      continue;
    }
    if (TitlesConflict(titles, k.titles)) continue;
    (k.name.first.empty() ? surname_only_ok : full_ok).push_back(&k);
  }
  if (!name.first.empty()) {
    // "M. Rutte" or "Bill Clinton" against a known "Mark Rutte" / "William
    // Clinton": only when exactly one known person fits.
    if (full_ok.size() == 1) return full_ok[0]->id;
    if (!full_ok.empty()) return 0;
    // A known "Rutte" becomes "Mark Rutte" only while no other first name
    // has been seen with that surname.
    if (surname_only_ok.size() == 1 && !conflicting_first_name) return surname_only_ok[0]->id;
    return 0;
  }
  // A surname alone: one fitting full name, or titles that single one out.
  if (full_ok.size() == 1) return full_ok[0]->id;
  if (full_ok.size() > 1) {
    const KnownPerson* agreed = nullptr;
    int agreeing = 0;
    for (const KnownPerson* k : full_ok) {
      if (TitlesAgree(titles, k->titles)) {
        agreed = k;
        ++agreeing;
      }
    }
    if (agreeing == 1) return agreed->id;
  }
  if (!surname_only_ok.empty()) return surname_only_ok[0]->id;
  return 0;
}

}  // namespace whosaid::internal
