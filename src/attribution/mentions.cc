#include "src/attribution/mentions.h"

#include <algorithm>
#include <cctype>

#include "src/attribution/word_sets.h"
#include "src/util/date.h"

namespace whosaid::internal {
namespace {

constexpr int kMaxNameTokens = 6;
constexpr int kMaxTitleTokens = 8;
constexpr int kFocusLookback = 8;      // Sentences searched for a focus.
constexpr int kPronounLookback = 40;   // Sentences searched as a last resort.
// Bounds that keep pathological inputs (one 50 MB sentence) linear.
constexpr int kMaxMentionsBack = 300;
constexpr int kMaxEntitiesScanned = 400;

bool IsSuffix(std::string_view lower) {
  return lower == "jr." || lower == "sr." || lower == "ii" || lower == "iii" || lower == "jr" || lower == "sr";
}

}  // namespace

const char* MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kName: return "name";
    case MentionKind::kSurname: return "surname";
    case MentionKind::kFirstName: return "first_name";
    case MentionKind::kPronoun: return "pronoun";
    case MentionKind::kDescription: return "description";
    case MentionKind::kOrganization: return "organization";
    case MentionKind::kGroup: return "group";
  }
  return "name";
}

MentionTable::MentionTable(const TokenizedText& text, const std::vector<int>& quote_of_token,
                           const std::vector<uint8_t>& cue_len)
    : t_(text), quote_of_token_(quote_of_token), cue_len_(cue_len), lex_(Lexicons::Get()) {
  end_at_.assign(t_.size() + 1, -1);
  start_at_.assign(t_.size() + 1, -1);
  focus_.assign(t_.sentences().size() + 1, -1);
  Detect();
}

std::string MentionTable::Surface(int first, int last) const {
  return std::string(t_.text().substr(t_[first].begin, t_[last - 1].end - t_[first].begin));
}

bool MentionTable::IsSubjectPosition(int first, int last) const {
  const Token& f = t_[first];
  int prev = first - 1;
  // "BERLIN — Merz called ...": a dateline's place is no subject; the
  // name after its dash opens the sentence.
  if (DatelineEnd(t_, first) > 0) return false;
  // "the" opening a description belongs to the phrase already.
  if (f.Is(kSentenceStart)) return true;
  // From the sentence table: walking back token by token made one giant
  // sentence quadratic (a 50 MB line took minutes).
  const int s_first = t_.sentences()[f.sentence].first;
  if (DatelineEnd(t_, s_first) == first) return true;
  if (prev >= 0 && t_[prev].sentence == f.sentence) {
    if (t_[prev].kind == TokenKind::kQuote && t_[prev].Is(kSentenceStart)) return true;
    if (t_.IsWord(prev) && IsClauseOpener(t_.Lower(prev))) return true;
    // "said Rutte." / "said Rutte, who ...": a subject after its verb.
    bool after_cue = cue_len_[prev] > 0 || (prev > 0 && cue_len_[prev - 1] == 2);
    if (after_cue && (last >= t_.size() || t_[last].kind == TokenKind::kPunct)) return true;
    if (t_.IsPunct(prev, ',') && prev > 0 && t_[prev - 1].kind == TokenKind::kQuote) return true;
  }
  // "Rep. Hakeem Jeffries (D-N.Y.) reacted": the verb follows a parenthesis.
  if (last < t_.size() && t_.IsPunct(last, '(')) {
    int close = last + 1;
    while (close < t_.size() && close - last < 8 && !t_.IsPunct(close, ')') && t_[close].sentence == f.sentence) ++close;
    if (close < t_.size() && t_.IsPunct(close, ')')) last = close + 1;
  }
  if (last < t_.size() && t_[last].sentence == f.sentence) {
    if (cue_len_[last] > 0) return true;
    if (t_.IsWord(last) && (IsCommonVerb(t_.Lower(last)) || IsVerbModifier(t_.Lower(last)))) return true;
    // "Jeffries reacted": a past-tense verb.
    if (t_.IsWord(last) && !t_[last].Is(kCapitalized) && t_.Lower(last).size() > 4 && t_.Lower(last).ends_with("ed")) {
      return true;
    }
    if (t_.IsPunct(last, ',')) {
      // "Rutte, the NATO chief, said": an appositive then the verb.
      for (int k = last + 1; k < std::min(t_.size(), last + 12); ++k) {
        if (t_.IsPunct(k, ',')) return k + 1 < t_.size() && cue_len_[k + 1] > 0;
        if (t_[k].kind != TokenKind::kWord) break;
      }
    }
  }
  return false;
}

int MentionTable::NewEntity(const std::string& name, bool organization) {
  EntityInfo e;
  e.name = name;
  e.organization = organization;
  entities_.push_back(std::move(e));
  return static_cast<int>(entities_.size()) - 1;
}

int MentionTable::AddMention(MentionInfo m) {
  m.in_quote = quote_of_token_[m.first] >= 0;
  if (!m.in_quote && m.kind != MentionKind::kGroup) m.subject = IsSubjectPosition(m.first, m.last);
  int id = static_cast<int>(mentions_.size());
  mentions_.push_back(m);
  end_at_[m.last - 1] = id;
  start_at_[m.first] = id;
  if (m.entity >= 0) {
    entities_[m.entity].mentions.push_back(id);
    int s = t_[m.first].sentence;
    if (m.subject && !m.in_quote && focus_[s] < 0) focus_[s] = m.entity;
  }
  return id;
}

// Links a name [first, last) to an entity, creating one when needed.
int MentionTable::LinkName(int first, int last, bool person_signal, const std::string& title, char title_gender) {
  int name_last = last;
  while (name_last - first > 1 && IsSuffix(t_.Lower(name_last - 1))) --name_last;
  std::string full = Surface(first, last);
  std::string first_name(t_.Surface(first));
  std::string surname(t_.Surface(name_last - 1));
  int len = name_last - first;
  int found = -1;
  if (len >= 2) {
    int floor = std::max(0, static_cast<int>(entities_.size()) - kMaxEntitiesScanned);
    for (int e = static_cast<int>(entities_.size()) - 1; e >= floor && found < 0; --e) {
      const EntityInfo& ent = entities_[e];
      if (ent.organization) continue;
      if (ent.name == full) found = e;
      else if (ent.surname == surname && (ent.first_name.empty() || ent.first_name == first_name ||
                                          (ent.first_name.size() <= 2 && ent.first_name[0] == first_name[0]))) found = e;
    }
    if (found < 0) {
      if (!person_signal) return -1;
      found = NewEntity(full, false);
      EntityInfo& ent = entities_[found];
      ent.first_name = first_name;
      ent.surname = surname;
      char g = lex_.FirstNameGender(first_name);
      ent.gender = g == 'm' || g == 'f' ? g : 0;
    } else if (entities_[found].first_name.empty()) {
      EntityInfo& ent = entities_[found];
      ent.name = full;
      ent.first_name = first_name;
      char g = lex_.FirstNameGender(first_name);
      if (g == 'm' || g == 'f') ent.gender = g;
    }
  } else {
    int floor = std::max(0, static_cast<int>(entities_.size()) - kMaxEntitiesScanned);
    for (int e = static_cast<int>(entities_.size()) - 1; e >= floor && found < 0; --e) {
      if (!entities_[e].organization && entities_[e].surname == surname) found = e;
    }
    for (int e = static_cast<int>(entities_.size()) - 1; e >= floor && found < 0; --e) {
      if (!entities_[e].organization && entities_[e].first_name == surname && !entities_[e].surname.empty() &&
          entities_[e].surname != surname) found = e;
    }
    if (found < 0) {
      if (!person_signal) return -1;
      found = NewEntity(full, false);
      entities_[found].surname = surname;
    }
  }
  AddTitle(found, title);
  EntityInfo& ent = entities_[found];
  if (ent.gender == 0 && (title_gender == 'm' || title_gender == 'f')) ent.gender = title_gender;
  return found;
}

namespace {

// One spelling for titles written several ways: "CEO" and "chief executive
// officer" are "chief executive", "secretary-general" is "secretary
// general".
std::string CanonicalTitle(std::string lower) {
  static const std::pair<std::string_view, std::string_view> kSame[] = {
      {"chief executive officer", "chief executive"},
      {"ceo", "chief executive"},
      {"secretary-general", "secretary general"},
  };
  for (const auto& [from, to] : kSame) {
    if (lower == from) return std::string(to);
    if (lower.size() > from.size() && lower.ends_with(from) && lower[lower.size() - from.size() - 1] == ' ') {
      return lower.substr(0, lower.size() - from.size()) + std::string(to);
    }
  }
  return lower;
}

// "the NATO chief" for "NATO Secretary General Mark Rutte", "the Fed chief"
// for "Federal Reserve Chair Jerome Powell": a description that is an
// organisation and a word for its head names whoever holds a leading title
// of that organisation. Both are canonical lower case.
bool HeadOfSameOrganization(std::string_view desc, std::string_view title) {
  static const std::string_view kHeadWords[] = {"chief", "head", "boss", "leader"};
  static const std::string_view kLeadingRoles[] = {
      "secretary general", "president", "chair",     "chairman", "chairwoman", "director general", "director",
      "chief executive",   "commissioner", "leader", "head",     "chief",      "governor",         "administrator"};
  static const std::pair<std::string_view, std::string_view> kShortNames[] = {
      {"fed", "federal reserve"}, {"un", "united nations"}, {"u.n.", "united nations"}, {"eu", "european union"},
      {"imf", "international monetary fund"}, {"who", "world health organization"}};
  size_t sp = desc.rfind(' ');
  if (sp == std::string_view::npos) return false;
  std::string_view org = desc.substr(0, sp), word = desc.substr(sp + 1);
  if (std::find(std::begin(kHeadWords), std::end(kHeadWords), word) == std::end(kHeadWords)) return false;
  for (std::string_view role : kLeadingRoles) {
    if (title.size() <= role.size() + 1 || !title.ends_with(role) || title[title.size() - role.size() - 1] != ' ') {
      continue;
    }
    std::string_view title_org = title.substr(0, title.size() - role.size() - 1);
    if (title_org == org) return true;
    for (const auto& [short_name, long_name] : kShortNames) {
      if ((org == short_name && title_org == long_name) || (org == long_name && title_org == short_name)) return true;
    }
  }
  return false;
}

}  // namespace

int MentionTable::ResolveDescription(int head_first, int head_last) const {
  std::string desc;
  for (int k = head_first; k < head_last; ++k) {
    if (!desc.empty()) desc.push_back(' ');
    desc.append(t_.Lower(k));
  }
  desc = CanonicalTitle(desc);
  std::string_view desc_head = desc;
  if (size_t sp = desc.rfind(' '); sp != std::string::npos) desc_head = std::string_view(desc).substr(sp + 1);
  std::string_view head = desc_head;
  int stop = std::max(0, static_cast<int>(mentions_.size()) - kMaxMentionsBack);
  for (int m = static_cast<int>(mentions_.size()) - 1; m >= stop; --m) {
    int e = mentions_[m].entity;
    if (e < 0) continue;
    for (const std::string& title : entities_[e].titles) {
      std::string lower(title);
      for (char& c : lower) if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      lower = CanonicalTitle(lower);
      if (lower == desc || HeadOfSameOrganization(desc, lower)) return e;
      // "the president" names the person titled "U.S. President".
      size_t sp = lower.rfind(' ');
      std::string_view title_head = sp == std::string::npos ? std::string_view(lower) : std::string_view(lower).substr(sp + 1);
      if (title_head == head && lower.size() >= desc.size() && lower.find(desc) != std::string::npos) return e;
    }
  }
  return -1;
}

void MentionTable::Detect() {
  int i = 0;
  const int n = t_.size();
  while (i < n) {
    int next = DetectAt(i);
    i = next > i ? next : i + 1;
  }
}

// Tries to read a mention at token i; returns the token after it, or i.
int MentionTable::DetectAt(int i) {
  const Token& tok = t_[i];
  if (tok.kind != TokenKind::kWord) return i;
  std::string_view lower = t_.Lower(i);
  bool in_quote = quote_of_token_[i] >= 0;
  char pro = SubjectPronoun(lower);
  // "he’ll", "they're", "she's": a subject pronoun with its verb in one
  // token.
  bool contracted = false;
  if (pro == 0) {
    size_t apostrophe = std::min(lower.find('\''), lower.find("\xE2\x80\x99"));
    if (apostrophe != std::string_view::npos && apostrophe > 0) {
      pro = SubjectPronoun(lower.substr(0, apostrophe));
      contracted = pro != 0;
    }
  }
  if (contracted && !in_quote && (pro == 's' || pro == 'n')) {
    // "I’d", "we'll", "it's": a speaker the pronoun does not resolve.
    MentionInfo m;
    m.first = i;
    m.last = i + 1;
    m.kind = MentionKind::kPronoun;
    m.pronoun = pro;
    AddMention(m);
    return i + 1;
  }
  if (pro != 0) {
    if (in_quote || pro == 's' || pro == 'n') return i + 1;
    MentionInfo m;
    m.first = i;
    m.last = i + 1;
    m.kind = MentionKind::kPronoun;
    m.pronoun = pro;
    m.entity = ResolvePronounAt(i, pro);
    AddMention(m);
    return i + 1;
  }
  const int n = t_.size();
  const int limit = std::min(n, i + kMaxTitleTokens + kMaxNameTokens);
  auto same_sentence = [&](int k) { return k < n && t_[k].sentence == tok.sentence; };
  // Determiner + title: a description ("the NATO chief") or a title prefix.
  int j = i;
  bool determiner = lower == "the";
  if (determiner) ++j;
  int title_first = j;
  char title_gender = 0;
  bool person_title = false;
  while (same_sentence(j) && j - title_first < kMaxTitleTokens) {
    char g = 0;
    int len = lex_.MatchTitle(t_, j, limit, &g);
    if (len > 0) {
      // Lower-case role nouns are titles only before a name or in a description.
      person_title = true;
      if (g) title_gender = g;
      j += len;
      continue;
    }
    NameClass cls;
    len = lex_.MatchName(t_, j, limit, &cls);
    if (len > 0) {
      char g2 = 0;
      if (same_sentence(j + len) && lex_.MatchTitle(t_, j + len, limit, &g2) > 0) { j += len; continue; }
    }
    // "former", "acting", "deputy" and similar modifiers of a title.
    std::string_view lw = t_.Lower(j);
    if ((lw == "former" || lw == "acting" || lw == "deputy" || lw == "top" || lw == "senior" || lw == "then") &&
        same_sentence(j + 1)) {
      char g2 = 0;
      if (lex_.MatchTitle(t_, j + 1, limit, &g2) > 0) { ++j; continue; }
    }
    break;
  }
  int title_last = j;
  std::string title = person_title ? Surface(title_first, title_last) : std::string();
  // The name proper: capitalised words, particles and initials.
  int k = j;
  while (same_sentence(k) && k - j < kMaxNameTokens && t_.IsWord(k) && !t_[k].Is(kPossessive)) {
    std::string_view lk = t_.Lower(k);
    bool cap = t_[k].Is(kCapitalized);
    // "Carly Fiorina Endorses Ted Cruz", "Marco Rubio Responds To ...": in
    // a headline in title case a cue after two words of a name ends it.
    if (cap && k - j >= 2 && cue_len_[k] > 0) break;
    // "On Thursday Ortiz spoke": a weekday is no part of a name.
    if (cap && !IsFunctionWord(lk) && WeekdayFromName(lk) < 0) { ++k; continue; }
    if (k > j && IsNameParticle(lk) && same_sentence(k + 1) && t_[k + 1].Is(kCapitalized)) { ++k; continue; }
    break;
  }
  // Don't swallow a following cue or title ("Rutte Said" is rare; titles are not names).
  int name_first = j;
  int name_last = k;
  if (name_last > name_first) {
    // A known place or organisation is not a person's name.
    NameClass cls;
    int len = lex_.MatchName(t_, name_first, name_last, &cls);
    bool lexicon_name = len == name_last - name_first;
    char g = lex_.FirstNameGender(std::string(t_.Surface(name_first)));
    bool person_signal = (person_title && !lexicon_name) || (g != 0 && name_last - name_first >= 2 && !lexicon_name);
    if (!person_signal && !lexicon_name && name_last - name_first >= 2 && same_sentence(name_last) &&
        cue_len_[name_last] > 0) {
      person_signal = true;  // "Jane Doe said".
    }
    if (!person_signal && lexicon_name && cls == NameClass::kOrganization && title_first == title_last) {
      MentionInfo m;
      m.first = determiner ? i : name_first;
      m.last = name_last;
      m.kind = MentionKind::kOrganization;
      std::string org = Surface(name_first, name_last);
      int e = -1;
      int floor = std::max(0, static_cast<int>(entities_.size()) - kMaxEntitiesScanned);
      for (int x = static_cast<int>(entities_.size()) - 1; x >= floor && e < 0; --x) {
        if (entities_[x].organization && entities_[x].name == org) e = x;
      }
      m.entity = e >= 0 ? e : NewEntity(org, true);
      AddMention(m);
      return name_last;
    }
    if (!lexicon_name || person_signal) {
      int e = LinkName(name_first, name_last, person_signal, title, title_gender);
      if (e >= 0) {
        MentionInfo m;
        m.first = person_title ? title_first : name_first;
        m.last = name_last;
        int len_name = name_last - name_first;
        if (len_name >= 2 || person_title) m.kind = MentionKind::kName;
        else if (entities_[e].first_name == std::string(t_.Surface(name_first)) &&
                 entities_[e].surname != entities_[e].first_name) m.kind = MentionKind::kFirstName;
        else m.kind = MentionKind::kSurname;
        m.entity = e;
        AddMention(m);
        if (m.kind == MentionKind::kName) TitleFromAppositive(m.first, e);
        return name_last;
      }
    }
    return lexicon_name ? name_last : (name_first > i ? name_first : i + 1);
  }
  // No name: a description such as "the NATO chief", "the president".
  if (determiner && person_title && title_last > title_first) {
    MentionInfo m;
    m.first = i;
    m.last = title_last;
    m.kind = MentionKind::kDescription;
    m.entity = ResolveDescription(title_first, title_last);
    // "Mark Rutte, the NATO chief, said": the description names the person
    // before its comma, and becomes one of their titles.
    if (m.entity < 0 && i >= 2 && t_.IsPunct(i - 1, ',') && end_at_[i - 2] >= 0) {
      const MentionInfo& before = mentions_[end_at_[i - 2]];
      if (before.kind == MentionKind::kName && before.entity >= 0) {
        m.entity = before.entity;
        AddTitle(m.entity, Surface(title_first, title_last));
      }
    }
    AddMention(m);
    return title_last;
  }
  return i;
}

void MentionTable::AddTitle(int entity, const std::string& title) {
  std::vector<std::string>& titles = entities_[entity].titles;
  if (!title.empty() && std::find(titles.begin(), titles.end(), title) == titles.end()) titles.push_back(title);
}

void MentionTable::TitleFromAppositive(int name_first, int entity) {
  // "The NATO chief, Mark Rutte," / "The company's chief executive, Satya
  // Nadella,": a title (with the capitalised words before it) right before
  // the name's comma.
  int comma = name_first - 1;
  if (comma < 1 || !t_.IsPunct(comma, ',')) return;
  int title_first = -1;
  for (int x = comma - 1; x >= 0 && comma - x <= 3 && t_[x].sentence == t_[comma].sentence; --x) {
    char g = 0;
    if (t_.IsWord(x) && lex_.MatchTitle(t_, x, comma, &g) == comma - x) title_first = x;
  }
  if (title_first < 0) return;
  while (title_first - 1 >= 0 && comma - title_first < 6 && t_.IsWord(title_first - 1) &&
         t_[title_first - 1].Is(kCapitalized) && !t_[title_first - 1].Is(kSentenceStart) &&
         !IsFunctionWord(t_.Lower(title_first - 1))) {
    --title_first;
  }
  // The phrase opens with a determiner or a possessive: an appositive.
  int d = title_first - 1;
  bool opens = d >= 0 && (t_[d].Is(kPossessive) ||
                          (t_.IsWord(d) && (t_.Lower(d) == "the" || t_.Lower(d) == "its" || t_.Lower(d) == "his" ||
                                            t_.Lower(d) == "her" || t_.Lower(d) == "their")));
  if (!opens) return;
  AddTitle(entity, Surface(title_first, comma));
  // The description before the name, if one was read, names them too.
  int desc = end_at_[comma - 1];
  if (desc >= 0 && mentions_[desc].kind == MentionKind::kDescription && mentions_[desc].entity < 0) {
    mentions_[desc].entity = entity;
    entities_[entity].mentions.push_back(desc);
  }
}

int MentionTable::AddSourcePhrase(int first, int last) {
  if (first >= last) return -1;
  int existing = start_at_[first];
  if (existing >= 0 && mentions_[existing].last == last) return existing;
  MentionInfo m;
  m.first = first;
  m.last = last;
  int skip = IsDeterminer(t_.Lower(first)) ? first + 1 : first;
  bool capitalised = skip < last && t_[skip].Is(kCapitalized) && t_[last - 1].Is(kCapitalized);
  char pronoun = last - first == 1 ? SubjectPronoun(t_.Lower(first)) : 0;
  // "Officials said", "Q: Critics say ...": a plural group noun is
  // capitalised only because it opens the sentence; it names nobody, as
  // "officials" does mid-sentence. Parties stay organisations.
  bool opens = t_[first].Is(kSentenceStart) ||
               (first > 0 && (t_.IsPunct(first - 1, ':') || t_[first - 1].kind == TokenKind::kQuote));
  if (capitalised && last - first == 1 && opens) {
    std::string_view w = t_.Lower(first);
    bool party = w == "democrats" || w == "republicans" || w == "conservatives" || w == "liberals" ||
                 w == "progressives";
    if (w.size() > 3 && w.back() == 's' && !party && lex_.IsOrgNoun(w)) capitalised = false;
    // "Others said", "Neither said": a pronoun of quantity, not a name.
    if (w == "others" || w == "neither" || w == "either" || w == "another" || w == "both" || w == "all" ||
        w == "some" || w == "many" || w == "most" || w == "few" || w == "several" || w == "none") {
      capitalised = false;
    }
  }
  if (last - first == 1 && (pronoun == 's' || pronoun == 'n' || t_.Lower(first) == "you")) {
    // "I told the mayor", "We said", "You know": the writer's or the
    // reader's side, or "it", is no person nor organisation named "I" or
    // "We". The mention stays, as the statement's source, naming nobody.
    m.kind = MentionKind::kPronoun;
    m.pronoun = pronoun;
  } else if (capitalised) {
    std::string name = Surface(skip, last);
    int e = -1;
    int floor = std::max(0, static_cast<int>(entities_.size()) - kMaxEntitiesScanned);
    for (int x = static_cast<int>(entities_.size()) - 1; x >= floor && e < 0; --x) {
      if (entities_[x].name == name) e = x;
    }
    m.kind = MentionKind::kOrganization;
    m.entity = e >= 0 ? e : NewEntity(name, true);
  } else {
    m.kind = MentionKind::kGroup;
    char g = 0;
    int head = last - 1;
    if (lex_.MatchTitle(t_, head, last, &g) > 0 && t_.Lower(first) == "the") {
      m.kind = MentionKind::kDescription;
      m.entity = ResolveDescription(first + 1, last);
    } else if (t_.Lower(first) == "the" && first + 1 < last && lex_.IsOrgNoun(t_.Lower(head)) &&
               t_.Lower(head).back() != 's') {
      // A definite organisation: "the central bank", "the ministry".
      std::string name = Surface(first + 1, last);
      int e = -1;
      for (int x = static_cast<int>(entities_.size()) - 1; x >= 0 && e < 0; --x) {
        if (entities_[x].organization && entities_[x].name == name) e = x;
      }
      m.kind = MentionKind::kOrganization;
      m.entity = e >= 0 ? e : NewEntity(name, true);
    }
  }
  return AppendMention(m);
}

int MentionTable::AddLinkedPhrase(int first, int last, int entity) {
  MentionInfo m;
  m.first = first;
  m.last = last;
  m.kind = MentionKind::kPronoun;
  m.entity = entity;
  return AppendMention(m);
}

int MentionTable::AppendMention(const MentionInfo& m) {
  // Keep the index arrays consistent without reordering earlier mentions.
  int id = static_cast<int>(mentions_.size());
  mentions_.push_back(m);
  if (end_at_[m.last - 1] < 0) end_at_[m.last - 1] = id;
  if (start_at_[m.first] < 0) start_at_[m.first] = id;
  if (m.entity >= 0) entities_[m.entity].mentions.push_back(id);
  return id;
}

namespace {

// "O'BRIEN-SMITH" is "O'Brien-Smith"; bytes outside ASCII stay as they are.
std::string TitleCase(std::string_view caps) {
  std::string out;
  bool word_start = true;
  for (char ch : caps) {
    unsigned char u = static_cast<unsigned char>(ch);
    if (u < 0x80 && std::isalpha(u)) {
      out.push_back(static_cast<char>(word_start ? std::toupper(u) : std::tolower(u)));
      word_start = false;
    } else {
      out.push_back(ch);
      word_start = ch == '\'' || ch == '-' || ch == ' ';
    }
  }
  return out;
}

bool HasLowerCase(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

}  // namespace

void MentionTable::TitleCaseName(int entity) {
  EntityInfo& e = entities_[entity];
  if (e.organization || HasLowerCase(e.name)) return;
  e.name = TitleCase(e.name);
  e.first_name = TitleCase(e.first_name);
  e.surname = TitleCase(e.surname);
}

int MentionTable::AddPersonLabel(int first, int last, int entity) {
  if (entity < 0) {
    std::string name = TitleCase(Surface(first, last));
    entity = NewEntity(name, false);
    EntityInfo& e = entities_[entity];
    size_t space = name.rfind(' ');
    e.surname = space == std::string::npos ? name : name.substr(space + 1);
    if (space != std::string::npos) e.first_name = name.substr(0, name.find(' '));
  }
  MentionInfo m;
  m.first = first;
  m.last = last;
  m.kind = last - first == 1 ? MentionKind::kSurname : MentionKind::kName;
  m.entity = entity;
  m.subject = true;
  return AppendMention(m);
}

bool MentionTable::Compatible(int e, char pronoun) const {
  const EntityInfo& ent = entities_[e];
  if (pronoun == 'p') return ent.organization;
  if (pronoun == 'n') return ent.organization;
  if (ent.organization) return false;
  return ent.gender == 0 || ent.gender == pronoun;
}

int MentionTable::ResolvePronounAt(int p, char pronoun) const {
  int s = t_[p].sentence;
  // 1. The nearest subject earlier in the same sentence.
  int stop = std::max(0, static_cast<int>(mentions_.size()) - kMaxMentionsBack);
  for (int m = static_cast<int>(mentions_.size()) - 1; m >= stop; --m) {
    const MentionInfo& mi = mentions_[m];
    if (mi.first >= p) continue;
    if (t_[mi.first].sentence != s) break;
    if (mi.in_quote || !mi.subject || mi.entity < 0) continue;
    if (Compatible(mi.entity, pronoun)) return mi.entity;
  }
  // 2. The focus of the nearest earlier sentence that has a compatible one.
  for (int k = s - 1; k >= 0 && k >= s - kFocusLookback; --k) {
    if (focus_[k] >= 0 && Compatible(focus_[k], pronoun)) return focus_[k];
  }
  // 3. The most recent compatible mention.
  for (int m = static_cast<int>(mentions_.size()) - 1; m >= stop; --m) {
    const MentionInfo& mi = mentions_[m];
    if (mi.first >= p) continue;
    if (t_[mi.first].sentence < s - kPronounLookback) break;
    if (mi.entity >= 0 && Compatible(mi.entity, pronoun)) return mi.entity;
  }
  return -1;
}

}  // namespace whosaid::internal
