#include "src/attribution/lexicons.h"

#include <algorithm>
#include <memory>

#include "src/util/ascii.h"
#include "src/util/lexicon.h"

namespace whosaid::internal {
namespace {

std::vector<std::string_view> SplitBar(std::string_view line) {
  std::vector<std::string_view> out;
  size_t pos = 0;
  while (true) {
    size_t bar = line.find('|', pos);
    out.push_back(line.substr(pos, bar == std::string_view::npos ? std::string_view::npos : bar - pos));
    if (bar == std::string_view::npos) break;
    pos = bar + 1;
  }
  return out;
}

// Splits a phrase into lower-case words the way the tokenizer would.
std::vector<std::string> PhraseWords(std::string_view phrase) {
  std::vector<std::string> words;
  TokenizedText t(phrase);
  for (int i = 0; i < t.size(); ++i) words.emplace_back(t.Lower(i));
  return words;
}

}  // namespace

template <typename V>
void PhraseTable<V>::Add(std::vector<std::string> words, V value) {
  if (words.empty()) return;
  auto& list = first_[words[0]];
  for (const Entry& e : list) if (e.words == words) return;  // First one wins.
  list.push_back(Entry{std::move(words), value});
  std::stable_sort(list.begin(), list.end(),
                   [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

template <typename V>
int PhraseTable<V>::Match(const TokenizedText& t, int i, int limit, V* value) const {
  auto it = first_.find(std::string(t.Lower(i)));
  if (it == first_.end()) return 0;
  for (const Entry& e : it->second) {
    int len = static_cast<int>(e.words.size());
    if (i + len > limit) continue;
    bool ok = true;
    for (int k = 1; k < len && ok; ++k) ok = t.Lower(i + k) == e.words[k];
    if (ok) {
      *value = e.value;
      return len;
    }
  }
  return 0;
}

template class PhraseTable<const CueForm*>;
template class PhraseTable<char>;
template class PhraseTable<NameClass>;

const Lexicons& Lexicons::Get() {
  static const Lexicons* lexicons = new Lexicons();
  return *lexicons;
}

Lexicons::Lexicons() {
  std::unordered_map<std::string, int> lemmas;
  for (std::string_view line : LexiconLines("cues.txt")) {
    std::vector<std::string_view> f = SplitBar(line);
    if (f.size() < 3) continue;
    CueCategory cat = CueCategory::kSpeech;
    if (f[0] == "belief") cat = CueCategory::kBelief;
    else if (f[0] == "source") cat = CueCategory::kSource;
    else if (f[0] == "finding") cat = CueCategory::kFinding;
    else if (f[0] == "stance") cat = CueCategory::kStance;
    uint8_t flags = 0;
    for (std::string_view field : f) {
      if (field == "@obj") flags |= kCueTakesObject;
      else if (field == "@of") flags |= kCueTakesOf;
      else if (field == "@as") flags |= kCueTakesAs;
      else if (field == "@to") flags |= kCueTakesTo;
    }
    ++lemmas[std::string(f[1])];
    for (size_t k = 2; k < f.size(); ++k) {
      if (f[k].empty() || f[k][0] == '@') continue;
      auto form = std::make_unique<CueForm>();
      form->words = PhraseWords(AsciiLower(f[k]));
      if (form->words.empty()) continue;
      form->lemma = std::string(f[1]);
      form->category = cat;
      form->flags = flags;
      std::string_view head = form->words[0];
      form->participle = head.size() > 4 && head.substr(head.size() - 3) == "ing";
      form->base = k == 2;
      cues_.Add(form->words, form.get());
      cue_storage_.push_back(std::move(form));
    }
  }
  cue_count_ = lemmas.size();
  for (std::string_view line : LexiconLines("titles.txt")) {
    std::vector<std::string_view> f = SplitBar(line);
    char g = f.size() > 1 && !f[1].empty() ? f[1][0] : 0;
    titles_.Add(PhraseWords(AsciiLower(f[0])), g);
  }
  for (std::string_view line : LexiconLines("places.txt")) {
    std::vector<std::string_view> f = SplitBar(line);
    NameClass c = NameClass::kPlace;
    if (f.size() > 1 && f[1] == "demonym") c = NameClass::kDemonym;
    if (f.size() > 1 && f[1] == "org") c = NameClass::kOrganization;
    names_.Add(PhraseWords(AsciiLower(f[0])), c);
  }
  // News agencies speak as organisations: "Reuters reported".
  for (std::string_view line : LexiconLines("agencies.txt")) {
    std::vector<std::string_view> f = SplitBar(line);
    for (std::string_view name : f) {
      if (name.size() > 2) names_.Add(PhraseWords(AsciiLower(name)), NameClass::kOrganization);
    }
  }
  for (std::string_view line : LexiconLines("first_names.txt")) {
    std::vector<std::string_view> f = SplitBar(line);
    char g = f.size() > 1 && !f[1].empty() ? f[1][0] : 'u';
    first_names_.emplace(std::string(f[0]), g);
  }
  for (std::string_view line : LexiconLines("org_nouns.txt")) {
    org_nouns_.emplace(AsciiLower(line), true);
  }
}

int Lexicons::MatchCue(const TokenizedText& t, int i, int limit, const CueForm** cue) const {
  if (t[i].kind != TokenKind::kWord) return 0;
  return cues_.Match(t, i, limit, cue);
}

int Lexicons::MatchTitle(const TokenizedText& t, int i, int limit, char* gender) const {
  if (t[i].kind != TokenKind::kWord) return 0;
  return titles_.Match(t, i, limit, gender);
}

int Lexicons::MatchName(const TokenizedText& t, int i, int limit, NameClass* cls) const {
  if (t[i].kind != TokenKind::kWord || !t[i].Is(kCapitalized)) return 0;
  return names_.Match(t, i, limit, cls);
}

char Lexicons::FirstNameGender(std::string_view name) const {
  auto it = first_names_.find(std::string(name));
  return it == first_names_.end() ? 0 : it->second;
}

}  // namespace whosaid::internal
