#include "src/attribution/attributor.h"

#include <algorithm>
#include <string>

#include "src/attribution/model_cues.h"
#include "src/attribution/word_sets.h"
#include "src/util/ascii.h"

namespace whosaid::internal {
namespace {

constexpr int kMaxCueTokens = 6;
constexpr int kTrailingWindow = 30;   // Tokens after a quote searched for "he said".
constexpr int kLeadingWindow = 18;    // Tokens before a quote searched for "he said:".
constexpr int kMaxNounPhrase = 6;
// Bounds that keep one enormous sentence (a 50 MB line) linear overall.
constexpr int kMaxContentTokens = 400;
constexpr int kMaxSubjectDistance = 300;

// Base forms that read as nouns unless a pronoun or auxiliary precedes them.
bool IsNounLikeBase(std::string_view w) {
  static const std::string_view kWords[] = {
      "report", "claim", "note", "comment", "call", "post", "answer", "reply", "show", "state",
      "warning", "statement", "respond", "response", "tweet", "plan", "hope", "fear", "doubt",
      "estimate", "promise", "pledge", "vow", "guess", "view", "wish", "question", "demand",
      "boast", "joke", "quip", "concern", "charge", "signal", "figure", "write", "find", "mention",
      "point out", "add", "indicate", "see", "know", "feel", "like", "want", "need", "mean", "hint",
      "suggest", "describe", "recall", "remark", "insist", "support", "attack", "back", "favor", "cite",
      "challenge", "plan", "decide", "rule", "message", "note", "comment", "post"};
  for (std::string_view k : kWords) if (k == w) return true;
  return false;
}

bool IsPronounSubject(std::string_view w) {
  return w == "i" || w == "we" || w == "you" || w == "they" || w == "he" || w == "she" || w == "it";
}

bool IsAuxiliary(std::string_view w) {
  static const std::string_view kWords[] = {"will", "would", "could", "can", "may", "might", "must",
                                            "should", "shall", "did", "does", "do", "to", "n't",
                                            "not", "never", "also", "to", "cannot", "didn't",
                                            "doesn't", "don't", "won't", "wouldn't", "couldn't"};
  for (std::string_view k : kWords) if (k == w) return true;
  return false;
}

bool IsBeForm(std::string_view w) {
  return w == "is" || w == "was" || w == "were" || w == "are" || w == "been" || w == "be" || w == "being";
}

bool IsVenueNoun(std::string_view w) {
  static const std::string_view kWords[] = {
      "statement", "interview", "interviews", "tweet", "tweets", "post", "letter", "speech",
      "email", "memo", "op-ed", "conference", "briefing", "rally", "event", "hearing", "debate",
      "appearance", "call", "meeting", "twitter", "facebook", "television", "tv", "radio",
      "podcast", "video", "message", "release", "blog", "column", "broadcast", "show", "program",
      "programme", "address", "remarks", "testimony", "filing", "report", "instagram", "x",
      "telegram", "session", "summit", "forum", "panel", "documentary", "book", "essay",
      "editorial", "note", "notice", "announcement", "emails", "posts", "texts", "text", "sunday",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "stop", "visit", "trip"};
  for (std::string_view k : kWords) if (k == w) return true;
  return false;
}

// Heads that stand for a share of people: "Most said", "47% say", "Nearly
// a third say", "58 percent of voters overall said".
bool IsQuantityHead(std::string_view w) {
  return w == "most" || w == "many" || w == "some" || w == "few" || w == "several" || w == "others" ||
         w == "both" || w == "percent" || w == "%" || w == "majority" || w == "half" || w == "third" ||
         w == "quarter" || w == "plurality" || w == "fifth";
}

// A count in a share of people: "two in three", "nine in 10".
bool IsCount(const TokenizedText& t, int i) {
  if (i < 0 || i >= t.size()) return false;
  if (t[i].kind == TokenKind::kNumber) return true;
  static constexpr std::string_view kWords[] = {"one", "two",   "three", "four", "five",
                                                "six", "seven", "eight", "nine", "ten"};
  for (std::string_view w : kWords) {
    if (t.Lower(i) == w) return true;
  }
  return false;
}

// "Two in three said", "nine in 10 voters": token i is the "in" of a share.
bool IsShareIn(const TokenizedText& t, int i) {
  return i > 0 && t.IsWord(i) && t.Lower(i) == "in" && IsCount(t, i - 1) && IsCount(t, i + 1);
}

bool IsObjectPronoun(std::string_view w) {
  return w == "him" || w == "her" || w == "them" || w == "me" || w == "us" || w == "you";
}

// The form of "in" before a poll: "In a Fox poll, Cruz had 38 percent",
// "Trump leads in the latest polls". A source cue, like "according to".
const CueForm& InPollForm() {
  static const CueForm* form = [] {
    auto* f = new CueForm();  // Lives for the process.
    f->words = {"in"};
    f->lemma = "in (a poll)";
    f->category = CueCategory::kSource;
    return f;
  }();
  return *form;
}

// True when token i is "in" and a poll or survey closes the short noun
// phrase after it.
bool InPoll(const TokenizedText& t, int i) {
  if (t.Lower(i) != "in") return false;
  for (int x = i + 1; x < t.size() && x - i <= 8 && t[x].sentence == t[i].sentence; ++x) {
    if (!t.IsWord(x) && t[x].kind != TokenKind::kNumber && !t[x].Is(kPossessive) && !t.IsPunct(x, '/') &&
        !t.IsPunct(x, '-')) return false;
    std::string_view w = t.Lower(x);
    if (w == "poll" || w == "polls" || w == "survey" || w == "surveys") return true;
    if (x > i + 1 && (IsPreposition(w) || w == "that" || w == "which")) return false;
  }
  return false;
}

}  // namespace

void MarkCues(const TokenizedText& t, TokenFacts* facts) {
  const Lexicons& lex = Lexicons::Get();
  const int n = t.size();
  facts->cue_len.assign(n + 1, 0);
  facts->cue_form.assign(n + 1, nullptr);
  for (int i = 0; i < n; ++i) {
    if (t[i].kind != TokenKind::kWord || facts->quote_of_token[i] >= 0) continue;
    const CueForm* form = nullptr;
    int limit = std::min(n, i + kMaxCueTokens);
    while (limit > i + 1 && t[limit - 1].sentence != t[i].sentence) --limit;
    int len = lex.MatchCue(t, i, limit, &form);
    if (len == 0 && InPoll(t, i)) {
      facts->cue_len[i] = 1;
      facts->cue_form[i] = &InPollForm();
      continue;
    }
    if (len == 0) continue;
    bool sentence_start = t[i].Is(kSentenceStart) ||
                          (i > 0 && t[i - 1].Is(kSentenceStart) && t[i - 1].kind != TokenKind::kWord);
    // "Said Dorothy Poynter, ...": an inverted cue may open a sentence when
    // a name follows.
    // Not a bare form: "Judge Jane Stranch, in her dissent, said" opens
    // with a title, not a verb.
    bool inverted_opener = sentence_start && form->category != CueCategory::kSource && !form->participle &&
                           !form->base &&
                           i + len < n && t[i + len].Is(kCapitalized) && t[i + len].kind == TokenKind::kWord &&
                           !IsFunctionWord(t.Lower(i + len));
    if (t[i].Is(kCapitalized) && !sentence_start) {
      // "Bernie Sanders Says He's Already Started ...": a headline in title
      // case, where every word is capitalised anyway.
      const Sentence& sent = t.sentences()[t[i].sentence];
      int words = 0, caps = 0;
      for (int x = sent.first; x < sent.last && x - sent.first < 40; ++x) {
        if (t[x].kind != TokenKind::kWord) continue;
        ++words;
        caps += t[x].Is(kCapitalized);
      }
      if (words < 4 || caps * 10 < words * 8) continue;
    } else if (t[i].Is(kCapitalized)) {
      if (!sentence_start || (form->category != CueCategory::kSource && !inverted_opener)) continue;
    }
    if (sentence_start && form->category != CueCategory::kSource && !inverted_opener) continue;
    std::string_view prev = i > 0 && t[i - 1].sentence == t[i].sentence ? t.Lower(i - 1) : std::string_view();
    bool prev_word = i > 0 && t.IsWord(i - 1) && t[i - 1].sentence == t[i].sentence;
    if (form->category != CueCategory::kSource) {
      std::string_view next = i + len < n && t[i + len].sentence == t[i].sentence ? t.Lower(i + len)
                                                                                : std::string_view();
      // "a progressive think tank", "thanks to a big win": nouns and a
      // preposition.
      if ((next == "tank" || next == "tanks") || (t.Lower(i) == "thanks" && next == "to")) continue;
      // "thanks in part to", "thanks largely to": the same preposition.
      if (t.Lower(i) == "thanks" && (next == "in" || next == "largely" || next == "partly" || next == "mostly" ||
                                     next == "mainly")) {
        int to = next == "in" ? i + 3 : i + 2;
        if (to < n && t.IsWord(to) && t.Lower(to) == "to") continue;
      }
      // "an extraction method known as fracking": a name, not a belief.
      if (t.Lower(i) == "known" && next == "as") continue;
      // "The full poll can be found here", "the attackers were known": a
      // passive belief or finding with nothing reported after it.
      if (form->category != CueCategory::kSpeech && prev_word && IsBeForm(prev) && len == 1 &&
          !(next == "that" || next == "to" || next == "by" || next == "as" || next == ":" ||
            (i + 1 < n && t[i + 1].kind == TokenKind::kQuote))) continue;
      // "the claims", but "Most said", "Many believe": a quantity speaks.
      // "while many want ...": a clause opener before the quantity.
      bool quantity_subject = (IsQuantityHead(prev) && (i < 2 || t[i - 2].sentence != t[i].sentence ||
                                                        !t.IsWord(i - 2) || IsPreposition(t.Lower(i - 2)) ||
                                                        IsClauseOpener(t.Lower(i - 2)))) ||
                              (i >= 3 && IsShareIn(t, i - 2));
      if (prev_word && IsDeterminer(prev) && prev != "that" && !quantity_subject) continue;
      // "Trump's attacks on", "38 percent support": nouns, not verbs.
      if (i > 0 && t[i - 1].Is(kPossessive)) continue;
      if (prev_word && IsPreposition(prev) && !form->participle && prev != "to") continue;
      if (form->participle) {
        bool dash = IsDash(t, i - 1);
        // '“... race,” adding that ...': the comma sits inside the quotation.
        bool after_quote_comma = i > 1 && t[i - 1].kind == TokenKind::kQuote && facts->quote_of_token[i - 1] >= 0 &&
                                 t.IsPunct(i - 2, ',');
        bool ok = dash || after_quote_comma || (i > 0 && (t.IsPunct(i - 1, ',') || t.IsPunct(i - 1, ';'))) ||
                  (prev_word && (IsBeForm(prev) || prev == "after" || prev == "by" || prev == "while" ||
                                 prev == "before" || prev == "without" || prev == "in" || prev == "when" ||
                                 prev == "as"));
        // "911 calls saying ...", "the share of Republicans saying ...".
        static const std::string_view kClearParticiples[] = {"saying", "arguing", "claiming", "asserting",
                                                             "insisting", "warning", "noting", "calling",
                                                             "suggesting", "declaring", "stating"};
        if (!ok && prev_word && !IsFunctionWord(prev) && !IsPreposition(prev)) {
          for (std::string_view p : kClearParticiples) ok = ok || t.Lower(i) == p;
        }
        if (!ok) continue;
      } else if (form->base) {
        std::string lemma_words;
        for (size_t k = 0; k < form->words.size(); ++k) {
          if (k) lemma_words.push_back(' ');
          lemma_words += form->words[k];
        }
        // "polls show", "the reports show", "Democrats say": a plural subject.
        bool plural_subject = prev_word && !IsFunctionWord(prev) && prev.size() > 3 && prev.back() == 's' &&
                              prev[prev.size() - 2] != 's';
        // "40 percent want", "while many want", "4 in 10 want": a quantity.
        if (IsNounLikeBase(lemma_words) && !(prev_word && (IsPronounSubject(prev) || IsAuxiliary(prev))) &&
            !plural_subject && !quantity_subject) continue;
        // "A district judge agreed": after a determiner and a singular
        // noun a bare form is the head of a compound, not a verb.
        static const std::string_view kPluralNouns[] = {"people", "police", "men", "women", "children",
                                                        "media", "staff", "public", "majority", "clergy"};
        bool singular = prev_word && !t[i - 1].Is(kCapitalized) && !IsFunctionWord(prev) && prev.back() != 's';
        for (std::string_view p : kPluralNouns) singular = singular && prev != p;
        if (singular && i >= 2 && t[i - 2].sentence == t[i].sentence && t.IsWord(i - 2) &&
            IsDeterminer(t.Lower(i - 2)) && t.Lower(i - 2) != "that") continue;
      }
    }
    facts->cue_len[i] = static_cast<uint8_t>(len);
    facts->cue_form[i] = form;
    i += len - 1;
  }
  // Cues the lexicon does not know, from the trained model (src/model/).
  AddModelCues(t, CueScope::kUncuedSentences, facts);
}

Attributor::Attributor(const TokenizedText& text, const std::vector<QuotedSpan>& quotes,
                       const std::vector<TimeExpression>& times, const TokenFacts& facts,
                       MentionTable* mentions)
    : t_(text), quotes_(quotes), times_(times), facts_(facts), mentions_(mentions), lex_(Lexicons::Get()) {
  cue_used_.assign(t_.size() + 1, 0);
  quote_attribution_.assign(quotes_.size(), -1);
}

int Attributor::SentenceEnd(int i) const { return t_.sentences()[t_[i].sentence].last; }
int Attributor::SentenceFirst(int i) const { return t_.sentences()[t_[i].sentence].first; }

std::string Attributor::PhraseText(int first, int last) const {
  return std::string(t_.text().substr(t_[first].begin, t_[last - 1].end - t_[first].begin));
}

bool Attributor::IsRelativeTimePhrase(int k, int limit) const {
  if (k < 0 || k + 1 >= limit || !t_.IsWord(k) || !t_.IsWord(k + 1)) return false;
  std::string_view w = t_.Lower(k);
  if (w != "last" && w != "this" && w != "earlier") return false;
  std::string_view nx = t_.Lower(k + 1);
  return nx == "week" || nx == "month" || nx == "year" || nx == "night" || nx == "weekend" || nx == "summer" ||
         nx == "spring" || nx == "fall" || nx == "winter" || nx == "morning" || nx == "afternoon" ||
         nx == "evening";
}

int Attributor::SkipAdverbials(int k, int limit, int* time) {
  int modifiers = 0;
  while (k < limit) {
    if (facts_.time_at[k] >= 0) {
      if (time && *time < 0) *time = facts_.time_at[k];
      k = times_[facts_.time_at[k]].last;
      continue;
    }
    if (!t_.IsWord(k)) break;
    std::string_view w = t_.Lower(k);
    // "decided not to enter the race": a negated infinitive is the content.
    bool negates = (w == "not" || w == "never") && k + 1 < limit && t_.IsWord(k + 1) && t_.Lower(k + 1) == "to";
    if (IsVerbModifier(w) && w != "in" && !negates && modifiers < 3 && mentions_->StartingAt(k) < 0) {
      ++k;
      ++modifiers;
      continue;
    }
    // "in a statement", "on Twitter", "at a news conference".
    if (w == "in" || w == "on" || w == "at" || w == "during" || w == "via") {
      int j = k + 1;
      int end = std::min(limit, k + 6);
      bool venue = false;
      for (; j < end && t_.IsWord(j); ++j) {
        if (IsVenueNoun(t_.Lower(j))) { venue = true; ++j; break; }
      }
      // A venue counts only when the statement follows it: "said in a
      // statement that ...", "told CNN in an interview:".
      bool boundary = j >= limit || t_.IsPunct(j, ',') || t_.IsPunct(j, ':') || t_.IsPunct(j, '.') ||
                      t_[j].kind == TokenKind::kQuote ||
                      (t_.IsWord(j) && (t_.Lower(j) == "that" || t_.Lower(j) == "with" || facts_.time_at[j] >= 0));
      if (venue && boundary) {
        k = j;
        continue;
      }
    }
    // "reports citing Reuters": the cited source, not the statement.
    if (w == "citing" || w == "quoting") {
      int j = k + 1;
      while (j < limit && j - k <= kMaxNounPhrase && (t_.IsWord(j) || t_[j].Is(kPossessive)) &&
             !IsClauseOpener(t_.Lower(j))) ++j;
      k = j;
      continue;
    }
    if (IsRelativeTimePhrase(k, limit)) {
      k += 2;
      continue;
    }
    break;
  }
  return k;
}

int Attributor::NounPhraseLeft(int k, int sentence_first) {
  if (k < sentence_first || InQuote(k)) return -1;
  // "voters overall said": step back over a closing adverb.
  if (t_.IsWord(k) && t_.Lower(k) == "overall" && k - 1 >= sentence_first) --k;
  bool quantity = (IsQuantityHead(t_.Lower(k)) && (t_.IsWord(k) || t_.IsPunct(k, '%'))) ||
                  (k - 2 >= sentence_first && IsShareIn(t_, k - 1));
  if (!t_.IsWord(k) && !quantity) return -1;
  std::string_view head = t_.Lower(k);
  if (!quantity && (IsFunctionWord(head) || IsPreposition(head) || facts_.cue_len[k] > 0)) return -1;
  char g = 0;
  // Plural heads name groups that speak: "forecasters warned", "analysts say".
  bool plural = head.size() > 4 && head.back() == 's' && head[head.size() - 2] != 's' &&
                head.substr(head.size() - 3) != "ous";
  bool ok = t_[k].Is(kCapitalized) || lex_.IsOrgNoun(head) || lex_.MatchTitle(t_, k, k + 1, &g) > 0 || plural ||
            quantity;
  int b = k;
  while (b - 1 >= sentence_first && k - b < kMaxNounPhrase + 2) {
    int p = b - 1;
    if (InQuote(p)) break;
    if (t_[p].Is(kPossessive) && p - 1 >= sentence_first && t_.IsWord(p - 1)) { b = p - 1; continue; }
    if (!t_.IsWord(p) && t_[p].kind != TokenKind::kNumber) break;
    std::string_view w = t_.Lower(p);
    auto attaches = [&](int x) {  // "of", "from", "in" after a noun: "Observers from".
      if (x - 1 < sentence_first || !t_.IsWord(x) || !t_.IsWord(x - 1)) return false;
      std::string_view pw = t_.Lower(x);
      return (pw == "of" || pw == "from" || pw == "in") && !IsFunctionWord(t_.Lower(x - 1)) &&
             facts_.cue_len[x - 1] == 0 && !InQuote(x - 1);
    };
    // "said that Sanders supporters plan", "that experts say": before a
    // name or a plural head, "that" opens the clause; it is not the
    // phrase's determiner ("that report").
    if (w == "that" && (plural || t_[k].Is(kCapitalized))) break;
    // "Two in three said", "Two in three voters said": the share, not its
    // last count.
    if (p - 1 >= sentence_first && IsShareIn(t_, p)) {
      b = p - 1;
      continue;
    }
    if (p - 2 >= sentence_first && IsShareIn(t_, p - 1)) {
      b = p - 2;
      continue;
    }
    if (IsDeterminer(w)) {
      b = p;
      // "Observers from two parties": the phrase goes on past "from the".
      if (attaches(p - 1) && k - p < kMaxNounPhrase + 2) { b = p - 1; continue; }
      break;
    }
    // "former tech executive Carly Fiorina said".
    if (w == "former") { b = p; continue; }

    // "a USA TODAY analysis": a name in capitals, whatever its words.
    if (t_[p].Is(kAllCaps) && facts_.cue_len[p] == 0) { b = p; continue; }
    // "75 percent of Democrats", "half of voters", "Observers from two
    // parties", "Insiders in the next two states".
    if (attaches(p) || (w == "of" && p - 1 >= sentence_first && t_[p - 1].kind == TokenKind::kNumber)) {
      b = p;
      continue;
    }
    if (IsFunctionWord(w) || IsPreposition(w) || IsClauseOpener(w) || facts_.cue_len[p] > 0) break;
    if (t_[p].Is(kSentenceStart) && !t_[p].Is(kCapitalized) && t_[p].kind != TokenKind::kNumber) break;
    b = p;
  }
  // "The billionaire real estate magnate says": any noun after a determiner.
  if (!ok && IsDeterminer(t_.Lower(b)) && b < k && !(head.size() > 2 && head.substr(head.size() - 2) == "ly")) ok = true;
  if (!ok) return -1;
  if (t_.Lower(b) == "of") return -1;
  return b;
}

int Attributor::NounPhraseRight(int k, int limit) {
  if (k >= limit || InQuote(k)) return -1;
  // "said 9/11 widow Terry Strada": a number may open the phrase.
  int after_number = k;
  while (after_number < limit && t_[after_number].kind == TokenKind::kNumber && after_number - k < 3) {
    ++after_number;
    if (after_number + 1 < limit && t_.IsPunct(after_number, '/') &&
        t_[after_number + 1].kind == TokenKind::kNumber) ++after_number;
  }
  if (!t_.IsWord(k) && (after_number == k || after_number >= limit || !t_.IsWord(after_number))) return -1;
  int e = after_number;
  if (IsDeterminer(t_.Lower(e))) ++e;
  int start_words = e;
  while (e < limit && e - start_words < kMaxNounPhrase &&
         (t_.IsWord(e) || t_[e].Is(kPossessive) || t_[e].kind == TokenKind::kNumber)) {
    std::string_view w = t_.Lower(e);
    // "said former Obama adviser David Axelrod".
    bool modifier = w == "former" || w == "then";
    if (e > start_words && !modifier &&
        (IsFunctionWord(w) || IsPreposition(w) || IsClauseOpener(w) || facts_.cue_len[e] > 0)) break;
    if (e == start_words && !modifier && (IsFunctionWord(w) || IsPreposition(w))) return -1;
    ++e;
  }
  if (e == start_words) return -1;
  // "said a handful of Democrats", "says one of the organizers".
  if (e + 1 < limit && t_.IsWord(e) && t_.Lower(e) == "of" && !InQuote(e + 1)) {
    int x = e + 1;
    if (t_.IsWord(x) && IsDeterminer(t_.Lower(x))) ++x;
    int words = x;
    while (x < limit && x - words < kMaxNounPhrase && t_.IsWord(x) && !InQuote(x) &&
           !IsFunctionWord(t_.Lower(x)) && !IsPreposition(t_.Lower(x)) && facts_.cue_len[x] == 0) ++x;
    if (x > words) e = x;
  }
  std::string_view head = t_.Lower(e - 1);
  char g = 0;
  bool ok = t_[e - 1].Is(kCapitalized) || lex_.IsOrgNoun(head) || lex_.MatchTitle(t_, e - 1, e, &g) > 0;
  // "says a narrator", "said the 46-year-old": any noun after a determiner.
  if (!ok && start_words > k && !(head.size() > 2 && head.substr(head.size() - 2) == "ly")) ok = true;
  return ok ? e : -1;
}

int Attributor::PrepositionBefore(int m) const {
  const int first = mentions_->mention(m).first;
  for (int x = first - 1; x >= 0 && first - x <= 5 && t_.IsWord(x) && t_[x].sentence == t_[first].sentence; --x) {
    if (IsPreposition(t_.Lower(x))) return x;
    if (facts_.cue_len[x] > 0) break;
  }
  return -1;
}

int Attributor::SpeakerOnTopic(int s_first, int colon) {
  int lead = mentions_->StartingAt(s_first);
  if (lead >= 0 && mentions_->mention(lead).kind == MentionKind::kPronoun) lead = -1;
  // A lone surname is no mention yet: up to three capitalised words.
  int after = lead >= 0 ? mentions_->mention(lead).last : s_first;
  while (lead < 0 && after < colon && after - s_first < 3 && t_.IsWord(after) && t_[after].Is(kCapitalized) &&
         !IsFunctionWord(t_.Lower(after)) && !IsPreposition(t_.Lower(after))) {
    ++after;
  }
  bool on = after > s_first && after + 1 < colon && t_.IsWord(after) &&
            (t_.Lower(after) == "on" || t_.Lower(after) == "about");
  for (int x = after + 1; on && x < colon; ++x) on = !InQuote(x) && facts_.cue_len[x] == 0;
  if (!on) return -1;
  return lead >= 0 ? lead : mentions_->AddSourcePhrase(s_first, after);
}

int Attributor::SubjectBeforePlace(int m, int s_first) const {
  int p = m >= 0 ? PrepositionBefore(m) : -1;
  if (p - 1 <= s_first || !t_.IsWord(p - 1) || t_[p - 1].Is(kCapitalized)) return -1;
  // A place or a medium: not "interviewed about Pope Francis calling ...",
  // "led to the ruling that paved ...", whose object is the one speaking.
  std::string_view prep = t_.Lower(p);
  if (prep != "on" && prep != "in" && prep != "at") return -1;
  std::string_view verb = t_.Lower(p - 1);
  if (!IsBeForm(verb) && !verb.ends_with("ed")) return -1;
  return SubjectMention(s_first, p - 1);
}

int Attributor::RelativePronounBefore(int cue_first, int s_first) const {
  // "Beck, who has in the past described ...", "Alito, who in two earlier
  // opinions had made clear ...", "her campaign's leadership, who, on a
  // press call Friday, criticized ...": between the pronoun and its verb
  // only adverbs and phrases that open with a preposition, no verb.
  int commas = 0;
  bool phrase = false;
  for (int x = cue_first - 1; x > s_first && cue_first - x <= 14; --x) {
    if (InQuote(x) || facts_.cue_len[x] > 0) return -1;
    if (t_.IsPunct(x, ',')) {
      if (++commas > 2) return -1;
      continue;
    }
    if (facts_.time_at[x] >= 0) {
      phrase = true;
      continue;
    }
    if (!t_.IsWord(x) && t_[x].kind != TokenKind::kNumber && !t_[x].Is(kPossessive)) return -1;
    std::string_view w = t_.Lower(x);
    if (w == "who" || w == "which") {
      // A comma pair must enclose the phrase right after the pronoun.
      if (!phrase || commas == 1 || (commas == 2 && !t_.IsPunct(x + 1, ','))) return -1;
      // "in which 67 percent of voters say", "questions on who": the
      // pronoun is an object.
      if (!t_.IsPunct(x - 1, ',') && !t_.IsWord(x - 1)) return -1;
      if (t_.IsWord(x - 1) && (IsPreposition(t_.Lower(x - 1)) || IsFunctionWord(t_.Lower(x - 1)))) return -1;
      // The phrase opens right after the pronoun, past auxiliaries ("who
      // has in the past"): not "which the OECD says", "who was reluctant to".
      int y = x + 1;
      if (t_.IsPunct(y, ',')) ++y;
      while (y < cue_first && t_.IsWord(y) && IsVerbModifier(t_.Lower(y)) && !IsPreposition(t_.Lower(y))) ++y;
      bool opens = y < cue_first && (facts_.time_at[y] >= 0 ||
                                     (t_.IsWord(y) && (IsPreposition(t_.Lower(y)) || t_.Lower(y) == "while")));
      return opens ? x : -1;
    }
    if (IsPreposition(w) || w == "after" || w == "while") {
      phrase = true;
      continue;
    }
    if (IsVerbModifier(w) || IsFunctionWord(w)) continue;
    if (t_.IsWord(x) && (w.ends_with("ed") || IsCommonVerb(w) || IsClauseOpener(w))) return -1;
  }
  return -1;
}

int Attributor::HeadOfObject(int first, int last, int sentence_first) {
  // "A lawyer for Mr. Trump said", "the head of the FBI said": the name is
  // the object of a preposition inside the subject, and not the speaker;
  // the subject is the whole noun phrase.
  int p = first - 1;
  while (p > sentence_first && t_.IsWord(p) && IsDeterminer(t_.Lower(p)) && first - p <= 2) --p;
  // "Members of Congress": a capital only where the sentence starts.
  if (p - 1 < sentence_first || !t_.IsWord(p) || !t_.IsWord(p - 1) ||
      (t_[p - 1].Is(kCapitalized) && p - 1 != sentence_first)) return -1;
  std::string_view prep = t_.Lower(p);
  // "with" only in "familiar with": "the battle with Trump" is no speaker.
  bool familiar = prep == "with" && t_.Lower(p - 1) == "familiar";
  if (prep != "for" && prep != "of" && prep != "to" && prep != "at" && prep != "from" && !familiar) return -1;
  // Words of a noun phrase: no verb, adverb or participle ("The routine
  // begins with Noah", "states going to the polls").
  auto nominal = [&](int x) {
    std::string_view w = t_.Lower(x);
    return t_.IsWord(x) && !InQuote(x) && !IsFunctionWord(w) && !IsPreposition(w) && !IsCommonVerb(w) &&
           facts_.cue_len[x] == 0 && !w.ends_with("ing") && !w.ends_with("ed") && !w.ends_with("ly");
  };
  if (!nominal(p - 1) && !familiar) return -1;
  // The object names someone: not "others to refrain from", "five to 10".
  if (!t_[first].Is(kCapitalized) && !IsDeterminer(t_.Lower(first))) return -1;
  if (prep == "to" && IsCount(t_, p - 1)) return -1;
  // A capitalised head only at the sentence's start, and no name there:
  // "Members of Congress", not "Clinton to Planned Parenthood".
  if (t_[p - 1].Is(kCapitalized) && mentions_->StartingAt(p - 1) >= 0 &&
      mentions_->mention(mentions_->StartingAt(p - 1)).kind != MentionKind::kGroup) return -1;
  int np = NounPhraseLeft(p - 1, sentence_first);
  // "An aide to Clinton", "Sources close to Trump": lower-case words back
  // to a determiner or the sentence's start.
  for (int x = p - 1; np < 0 && x >= sentence_first && p - x <= 4 && t_.IsWord(x); --x) {
    std::string_view w = t_.Lower(x);
    if (IsDeterminer(w) || (x == sentence_first && (nominal(x) || x == p - 1))) np = x;
    else if ((t_[x].Is(kCapitalized) || !nominal(x)) && !(x == p - 1 && familiar)) break;
  }
  // The phrase is the subject only where nothing but its start opens the
  // clause: not "in the battle with Trump".
  if (np > sentence_first && t_.IsWord(np - 1) && IsPreposition(t_.Lower(np - 1))) return -1;
  return np >= 0 ? mentions_->AddSourcePhrase(np, last) : -1;
}

int Attributor::SourceLeftOf(int cue_first) {
  int s_first = SentenceFirst(cue_first);
  // "They’re not expecting ...": a cue that opens with a contracted
  // pronoun holds its own source.
  if (int m = mentions_->StartingAt(cue_first);
      m >= 0 && mentions_->mention(m).kind == MentionKind::kPronoun && mentions_->mention(m).last == cue_first + 1 &&
      (t_.Lower(cue_first).find('\'') != std::string_view::npos ||
       t_.Lower(cue_first).find("\xE2\x80\x99") != std::string_view::npos)) {
    return m;
  }
  if (int rel = RelativePronounBefore(cue_first, s_first); rel >= 0) {
    int antecedent = t_.IsPunct(rel - 1, ',') ? mentions_->EndingAt(rel - 2) : mentions_->EndingAt(rel - 1);
    if (antecedent >= 0 && mentions_->mention(antecedent).entity >= 0) {
      return mentions_->AddLinkedPhrase(rel, rel + 1, mentions_->mention(antecedent).entity);
    }
    return mentions_->AddSourcePhrase(rel, rel + 1);
  }
  int k = cue_first - 1;
  int skipped = 0;
  while (k >= s_first && skipped < 4) {
    if (mentions_->EndingAt(k) >= 0) break;
    if (t_.IsWord(k) && IsVerbModifier(t_.Lower(k)) && t_.Lower(k) != "in") { --k; ++skipped; continue; }
    // "Lopez is widely expected", "Berg angrily denied": an adverb.
    if (t_.IsWord(k) && !t_[k].Is(kCapitalized) && t_.Lower(k).size() > 4 && t_.Lower(k).ends_with("ly")) {
      --k;
      ++skipped;
      continue;
    }
    // A time expression between subject and verb: "Rutte on Friday said";
    // not "USA TODAY", a name in capitals.
    bool time_here = false;
    for (int b = std::max(s_first, k - 3); b <= k; ++b) {
      int te = facts_.time_at[b];
      if (te >= 0 && times_[te].last == k + 1 && !t_[k].Is(kAllCaps)) { k = b - 1; time_here = true; break; }
    }
    if (time_here) { ++skipped; continue; }
    // "officials this week detailed", "Priebus this past week announced".
    if (k - 1 >= s_first && IsRelativeTimePhrase(k - 1, k + 1)) {
      k -= 2;
      ++skipped;
      continue;
    }
    if (k - 2 >= s_first && t_.IsWord(k - 1) && t_.Lower(k - 1) == "past" && t_.IsWord(k - 2) &&
        t_.Lower(k - 2) == "this" && (t_.Lower(k) == "week" || t_.Lower(k) == "month" || t_.Lower(k) == "year")) {
      k -= 3;
      ++skipped;
      continue;
    }
    // "Trump at the time said", "Jeb Bush in a Medium post said": a short
    // phrase with "at", "in" or "during" between a named subject and its
    // verb.
    int p = -1;
    for (int x = k - 1; t_.IsWord(k) && x > s_first && k - x <= 3; --x) {
      if (!t_.IsWord(x) || InQuote(x) || facts_.cue_len[x] > 0 || mentions_->EndingAt(x) >= 0) break;
      std::string_view w = t_.Lower(x);
      if (w == "at" || w == "in" || w == "during") {
        int before = mentions_->EndingAt(x - 1);
        MentionKind kind = before >= 0 ? mentions_->mention(before).kind : MentionKind::kGroup;
        bool named = kind == MentionKind::kName || kind == MentionKind::kSurname || kind == MentionKind::kOrganization;
        if (named && !IsShareIn(t_, x)) p = x;
        break;
      }
      if (IsPreposition(w)) break;
    }
    if (p > s_first) {
      k = p - 1;
      ++skipped;
      continue;
    }
    break;
  }
  // 'Jane Smith, author of "The Long Road," said': an appositive that ends
  // with a short quoted title, the comma inside its closing mark.
  if (k > s_first && t_[k].kind == TokenKind::kQuote && t_.IsPunct(k - 1, ',')) {
    int q = facts_.quote_of_token[k];
    if (q >= 0 && quotes_[q].closed && quotes_[q].close == k && k - quotes_[q].open <= 9) {
      for (int c = quotes_[q].open - 1; c > s_first && quotes_[q].open - c <= 12; --c) {
        if (InQuote(c) || facts_.cue_len[c] > 0) break;
        if (!t_.IsPunct(c, ',')) continue;
        int subject = mentions_->EndingAt(c - 1);
        if (subject < 0) {
          int np = NounPhraseLeft(c - 1, s_first);
          if (np >= 0) subject = mentions_->AddSourcePhrase(np, c);
        }
        return subject;
      }
    }
  }
  if (k < s_first || InQuote(k)) return -1;
  // "Gov. John Kasich (R-OH) said": step over a parenthesis.
  if (t_.IsPunct(k, ')')) {
    int open = k - 1;
    while (open > s_first && k - open < 12 && !t_.IsPunct(open, '(')) --open;
    if (open >= s_first && t_.IsPunct(open, '(')) k = open - 1;
    if (k < s_first) return -1;
  }
  int m = mentions_->EndingAt(k);
  if (m >= 0) {
    // A model cue in -ing after the mention, as in ParticipleSubject.
    if (k + 1 == cue_first && t_.IsWord(cue_first) && !t_[cue_first].Is(kCapitalized) &&
        t_.Lower(cue_first).ends_with("ing")) {
      if (int clause_subject = SubjectBeforePlace(m, s_first); clause_subject >= 0) return clause_subject;
    }
    // "Another source speaking to Fox News said": the mention is the
    // object of a participle phrase; the subject stands before it.
    int p = PrepositionBefore(m);
    if (p - 2 >= s_first && t_.IsWord(p - 1) && !t_[p - 1].Is(kCapitalized) && t_.Lower(p - 1).ends_with("ing")) {
      int subject = mentions_->EndingAt(p - 2);
      if (subject < 0) {
        int np = NounPhraseLeft(p - 2, s_first);
        if (np >= 0) subject = mentions_->AddSourcePhrase(np, p - 1);
      }
      if (subject >= 0) return subject;
    }
    // "Current and former officials who spoke with The Huffington Post
    // said": the mention ends a relative clause; the source is the noun
    // phrase the clause belongs to, clause included.
    for (int r = p - 2; p >= 0 && r >= std::max(s_first + 1, p - 3); --r) {
      if (!t_.IsWord(r) || (t_.Lower(r) != "who" && t_.Lower(r) != "that")) continue;
      int head = mentions_->EndingAt(r - 1);
      int outer = head >= 0 ? mentions_->mention(head).first : NounPhraseLeft(r - 1, s_first);
      if (outer >= 0) return mentions_->AddSourcePhrase(outer, k + 1);
      break;
    }
    int outer = HeadOfObject(mentions_->mention(m).first, k + 1, s_first);
    if (outer >= 0) return outer;
    return m;
  }
  auto is_dash = [&](int x) {
    std::string_view d = t_.Surface(x);
    return d == "\xE2\x80\x94" || d == "\xE2\x80\x93" || d == "--";
  };
  bool then_skipped = k + 1 < cue_first && t_.IsWord(k + 1) && t_.Lower(k + 1) == "then";
  if ((t_.IsWord(k) && (t_.Lower(k) == "and" || t_.Lower(k) == "but" || t_.Lower(k) == "or")) ||
      (then_skipped && t_.IsPunct(k, ','))) {
    // "Tom told Annette Guessford, who answered her door and said ...": in a
    // relative clause the verb's subject is the relative pronoun, which
    // names the person before its comma.
    // "the Latino community, which largely supports reform and ranks it
    // ...": the same for "which", whatever the antecedent.
    for (int x = k - 1; x - 2 >= s_first && k - x <= 30; --x) {
      if (t_.IsPunct(x, ',') || is_dash(x) || InQuote(x)) break;
      if (!t_.IsWord(x) || (t_.Lower(x) != "who" && t_.Lower(x) != "which")) continue;
      if (!t_.IsPunct(x - 1, ',') && !is_dash(x - 1)) break;
      int antecedent = mentions_->EndingAt(x - 2);
      if (antecedent >= 0 && mentions_->mention(antecedent).entity >= 0) {
        return mentions_->AddLinkedPhrase(x, x + 1, mentions_->mention(antecedent).entity);
      }
      return mentions_->AddSourcePhrase(x, x + 1);
    }
    // "Suu Kyi, 70, said little but added ...": the subject of the verb
    // before, when that verb is a cue already attributed.
    for (auto it = found_.rbegin(); it != found_.rend(); ++it) {
      if (it->cue.empty() || it->source < 0 || it->cue.last > k || it->cue.first < s_first) continue;
      if (it->cue.last + 8 >= k) return it->source;
      break;
    }
    // "The judge rubbed his chin, and then said ...", "Kasich offered him a
    // job, then says ...": the sentence's subject.
    // "Publicly, the GOP nominee feuds with ... and dismisses ...": not in
    // the phrases that open the sentence.
    int main_first = SkipOpeningPhrases(s_first, k);
    int subject = SubjectMention(s_first, k);
    // Only a better choice where there was one: a new statement here takes
    // one the tagger bounds better.
    bool found = subject >= 0 || (t_.IsWord(s_first) && NounPhraseRight(s_first, k) > s_first);
    if (!found) return -1;
    if (main_first > s_first) {
      int later = SubjectMention(main_first, k);
      if (later >= 0) subject = later;
    }
    // "When Lopez asked about the count, he laughed and said ...": the
    // last subject that opens a clause.
    for (int x = k - 1; x > s_first && subject >= 0 && k - x <= 30; --x) {
      int later = mentions_->StartingAt(x);
      if (later < 0 || later == subject) continue;
      const MentionInfo& mi = mentions_->mention(later);
      // Not a pronoun in a clause after a cue ("said he ... and called").
      bool opens = t_.IsPunct(x - 1, ',') || t_.IsPunct(x - 1, ';') ||
                   (t_.IsWord(x - 1) && (t_.Lower(x - 1) == "then" || t_.Lower(x - 1) == "but"));
      if (opens && mi.subject && !mi.in_quote && mi.kind == MentionKind::kPronoun &&
          mi.first > mentions_->mention(subject).first) {
        subject = later;
        break;
      }
    }
    if (subject < 0 && t_.IsWord(main_first)) {
      int e = SubjectPhraseEnd(main_first, k);
      if (e > main_first) subject = mentions_->AddSourcePhrase(main_first, e);
    }
    return subject;
  }
  if (is_dash(k) && k - 1 > s_first) {
    // "Insiders in two states — Nevada and South Carolina — said": the
    // speaker stands before the opening dash.
    for (int j = k - 1; j > std::max(s_first, k - 30); --j) {
      if (InQuote(j)) break;
      if (!is_dash(j)) continue;
      int before = mentions_->EndingAt(j - 1);
      int np = NounPhraseLeft(j - 1, s_first);
      // The longer of the mention and the noun phrase ("Observers from two
      // parties", not "two parties").
      if (np >= 0 && (before < 0 || np < mentions_->mention(before).first)) {
        if (before >= 0 && mentions_->mention(before).entity >= 0) {
          return mentions_->AddLinkedPhrase(np, j, mentions_->mention(before).entity);
        }
        return mentions_->AddSourcePhrase(np, j);
      }
      return before;
    }
    return -1;
  }
  if (t_.IsPunct(k, ',') && k - 1 >= s_first) {
    // "Cory James, 22, of Flint, Mich., said", "Giovanni Maria Vian, the
    // editor in chief of the Vatican's newspaper, L'Osservatore Romano,
    // said": a name that opens the clause, then its appositives.
    int opening = SkipOpeningPhrases(s_first, k);
    int named = mentions_->StartingAt(opening);
    // "Gov. John Kasich of Ohio, a Republican who ..., said".
    int name_end = named >= 0 ? mentions_->mention(named).last : -1;
    if (name_end >= 0 && name_end + 1 < k && t_.IsWord(name_end) && t_.Lower(name_end) == "of") {
      int x = name_end + 1;
      while (x < k && x - name_end <= 4 && t_.IsWord(x) && t_[x].Is(kCapitalized)) ++x;
      if (x > name_end + 1 && t_.IsPunct(x, ',')) name_end = x;
    }
    if (named >= 0 && k - opening <= 45 &&
        (mentions_->mention(named).kind == MentionKind::kName ||
         mentions_->mention(named).kind == MentionKind::kSurname) &&
        name_end < k && t_.IsPunct(name_end, ',')) {
      bool appositive = true;
      for (int x = name_end; x < k && appositive; ++x) {
        appositive = !InQuote(x) && !t_.IsPunct(x, ';') && !is_dash(x) && !t_.IsPunct(x, '(');
      }
      if (appositive) return named;
    }
    // "The opposition leader, Tomas Berg, said" names the speaker last;
    // "Rutte, the NATO chief, said" names him first.
    int before_comma = k - 1;
    if (t_.IsPunct(before_comma, ')')) {
      int open = before_comma - 1;
      while (open > s_first && before_comma - open < 12 && !t_.IsPunct(open, '(')) --open;
      if (t_.IsPunct(open, '(')) before_comma = open - 1;
    }
    // "Clinton, during a town hall meeting in Columbus, Ohio, said",
    // "Powell’s office, when contacted by Reuters, said", "Sanders, who on
    // Tuesday endorsed Clinton, said", "Grassley, facing a challenge in
    // Iowa, said": what opens with a preposition, a subordinating word or a
    // participle after a comma modifies the subject before that comma.
    for (int c = k - 1, commas = 0; c > s_first && k - c <= 30 && commas < 3; --c) {
      if (InQuote(c)) break;
      if (!t_.IsPunct(c, ',')) continue;
      ++commas;
      std::string_view o = t_.IsWord(c + 1) && !t_[c + 1].Is(kCapitalized) ? t_.Lower(c + 1) : std::string_view();
      bool modifier = !o.empty() && o != "including" &&
                      (IsPreposition(o) || o.ends_with("ing") || o == "when" || o == "while" ||
                                     o == "who" || o == "whose" || o == "after" || o == "before" || o == "since" ||
                                     o == "although" || o == "though" || o == "because" || o == "once");
      if (!modifier) continue;
      int end = c - 1;
      // "Sen. Roy Blunt (R-Mo.), facing ...": past the parenthesis.
      if (t_.IsPunct(end, ')')) {
        int open = end - 1;
        while (open > s_first && end - open < 12 && !t_.IsPunct(open, '(')) --open;
        if (t_.IsPunct(open, '(')) end = open - 1;
      }
      if (end < s_first) break;
      // "veterans interviewed this week, including Mr. Jebens, said": a
      // time phrase is no subject.
      bool time_end = end - 1 >= s_first && IsRelativeTimePhrase(end - 1, end + 1);
      for (int b = std::max(s_first, end - 3); b <= end && !time_end; ++b) {
        time_end = facts_.time_at[b] >= 0 && times_[facts_.time_at[b]].last == end + 1;
      }
      if (time_end) break;
      int subject = mentions_->EndingAt(end);
      if (subject >= 0 && mentions_->mention(subject).kind != MentionKind::kPronoun) return subject;
      int np = NounPhraseLeft(end, s_first);
      if (np >= 0) return mentions_->AddSourcePhrase(np, end + 1);
    }
    int inner = before_comma >= s_first ? mentions_->EndingAt(before_comma) : -1;
    // "Massimo Franco, a columnist for the newspaper Corriere della Sera,
    // wrote", "Nate Cohn, writing in The New York Times, noticed": a name
    // after a preposition is not the appositive's head.
    bool object = inner >= 0 && PrepositionBefore(inner) >= 0;
    if (inner >= 0 && !object && mentions_->mention(inner).kind != MentionKind::kDescription &&
        mentions_->mention(inner).kind != MentionKind::kPronoun) return inner;
    for (int j = k - 1; j >= std::max(s_first, k - 30); --j) {
      // "Jillian Chase, 27, a Tinder user in New York, said": an age
      // between commas belongs to the appositive.
      if (t_.IsPunct(j, ',') && j - 2 >= s_first && t_[j - 1].kind == TokenKind::kNumber &&
          t_.IsPunct(j - 2, ',')) {
        j -= 2;
      }
      if (t_.IsPunct(j, ',')) {
        int before = j - 1 >= s_first ? mentions_->EndingAt(j - 1) : -1;
        if (before < 0 && (inner < 0 || object) && j - 1 >= s_first) {
          // "Sarandon, 69, told MSNBC": a name the lexicons don't know;
          // "Democratic economists, like their Republican counterparts, say";
          // "Mukasey, the attorney general under President George W. Bush,
          // criticized".
          int np = NounPhraseLeft(j - 1, s_first);
          if (np >= 0) before = mentions_->AddSourcePhrase(np, j);
        }
        return before >= 0 ? before : inner;
      }
      // 'Hemsley, the co-author of "Going Viral," about ..., said': a short
      // quotation (a title) inside the appositive, its comma included.
      int q = facts_.quote_of_token[j];
      if (q >= 0 && quotes_[q].closed && quotes_[q].close == j && j - quotes_[q].open <= 8 &&
          quotes_[q].open > s_first) {
        j = quotes_[q].open;
        continue;
      }
      if (InQuote(j)) break;
    }
    return inner;
  }
  if (t_.IsWord(k)) {
    std::string_view w = t_.Lower(k);
    if ((w == "who" || w == "which" || w == "that") && k - 2 >= s_first &&
        (t_.IsPunct(k - 1, ',') || IsDash(t_, k - 1))) {
      // "said Harvey, who acknowledged ...", "Donald Trump - who previously
      // said ...": the relative pronoun is the source in its clause and
      // names the person before it.
      int antecedent = mentions_->EndingAt(k - 2);
      if (antecedent < 0) return -1;
      return mentions_->AddLinkedPhrase(k, k + 1, mentions_->mention(antecedent).entity);
    }
    if ((w == "who" || w == "which") && k - 1 >= s_first && t_.IsWord(k - 1)) {
      // "world leaders who have slammed ...": "who" is the source, and
      // names a known person only when one stands right before it.
      int antecedent = mentions_->EndingAt(k - 1);
      if (antecedent >= 0 && mentions_->mention(antecedent).entity >= 0) {
        return mentions_->AddLinkedPhrase(k, k + 1, mentions_->mention(antecedent).entity);
      }
      return mentions_->AddSourcePhrase(k, k + 1);
    }
    if (w == "i" || w == "we" || w == "you" || w == "it") return mentions_->AddSourcePhrase(k, k + 1);
  }
  int np = NounPhraseLeft(k, s_first);
  // "economists who favor consumption taxes agree": the words before the
  // verb close a relative clause; the source is the noun phrase it belongs
  // to, clause included.
  int rel = -1;  // The relative pronoun, up to two words (the verb) before np.
  for (int r = np - 1; np >= 0 && r >= std::max(s_first + 1, np - 3) && t_.IsWord(r) && !InQuote(r); --r) {
    // "the themes that marketers hope": "that" right before the phrase
    // opens a clause whose subject the phrase is; it does not relate it.
    if (t_.Lower(r) == "who" || (t_.Lower(r) == "that" && r < np - 1)) { rel = r; break; }
  }
  if (rel >= 0 && !t_.IsPunct(rel - 1, ',')) {
    int head = mentions_->EndingAt(rel - 1);
    int outer = head >= 0 ? mentions_->mention(head).first : NounPhraseLeft(rel - 1, s_first);
    if (outer >= 0) return mentions_->AddSourcePhrase(outer, k + 1);
  }
  // "Adelson, a fierce supporter of ...", "Mr. Ryan is a vocal advocate
  // of ...": the indefinite phrase describes the subject, which speaks.
  static const std::string_view kAgentNouns[] = {"supporter", "advocate", "campaigner", "critic", "opponent",
                                                  "backer",    "proponent", "champion", "defender",   "admirer"};
  bool agent_noun = false;
  for (std::string_view w : kAgentNouns) agent_noun = agent_noun || t_.Lower(cue_first) == w;
  if (agent_noun && np > s_first && (t_.Lower(np) == "a" || t_.Lower(np) == "an")) {
    int b = np - 1;
    while (b > s_first && t_.IsWord(b) && (t_.Lower(b) == "been" || IsVerbModifier(t_.Lower(b))) &&
           !IsBeForm(t_.Lower(b))) {
      --b;
    }
    if (t_.IsWord(b) && IsBeForm(t_.Lower(b)) && b > s_first) {
      int subject = SourceLeftOf(b);
      if (subject >= 0) return subject;
    }
    if (t_.IsPunct(np - 1, ',') && np - 2 >= s_first) {
      int head = mentions_->EndingAt(np - 2);
      if (head >= 0 && mentions_->mention(head).kind != MentionKind::kPronoun) return head;
    }
  }
  if (np >= 0) {
    int outer = HeadOfObject(np, k + 1, s_first);
    return outer >= 0 ? outer : mentions_->AddSourcePhrase(np, k + 1);
  }
  // "A person familiar with the planning says ...": a short sentence-initial
  // subject with no comma, quotation or other cue before the verb.
  if (k - s_first < 14 && t_.IsWord(s_first) && t_.IsWord(k)) {
    bool plain = true;
    for (int x = s_first; x <= k && plain; ++x) {
      plain = (t_.IsWord(x) || t_[x].kind == TokenKind::kNumber) && !InQuote(x) && facts_.cue_len[x] == 0;
    }
    std::string_view first = t_.Lower(s_first);
    bool opener = t_[s_first].Is(kCapitalized) || IsDeterminer(first);
    if (plain && opener && !IsClauseOpener(first) && !IsPreposition(first) && SubjectPronoun(first) == 0) {
      return mentions_->AddSourcePhrase(s_first, k + 1);
    }
  }
  return -1;
}

int Attributor::SubjectMention(int s_first, int before) const {
  for (int x = std::max(s_first, before - kMaxSubjectDistance); x < before; ++x) {
    int m = mentions_->StartingAt(x);
    if (m < 0) continue;
    const MentionInfo& mi = mentions_->mention(m);
    if (mi.subject && !mi.in_quote && mi.kind != MentionKind::kGroup) return m;
  }
  return -1;
}

// "according to early results of exit polls conducted for the AP, ...":
// the whole phrase up to a comma or the sentence end names the source.
int Attributor::AccordingToSource(int k, int limit, int* end) {
  int e = k;
  while (e < limit && e - k < 25 && !InQuote(e) && !t_.IsPunct(e, ',') && !t_.IsPunct(e, '.') &&
         !t_.IsPunct(e, ';') && !t_.IsPunct(e, ':') && facts_.cue_len[e] == 0) {
    if (t_[e].kind == TokenKind::kPunct && !t_.IsPunct(e, '-') && !t_.IsPunct(e, '&') && !t_[e].Is(kPossessive)) break;
    ++e;
  }
  int m = mentions_->StartingAt(k);
  if (m >= 0 && mentions_->mention(m).last == e) {
    *end = e;
    return m;
  }
  if (e == k) return -1;
  *end = e;
  return mentions_->AddSourcePhrase(k, e);
}

int Attributor::SourceRightOf(int k, int limit, int* end) {
  int skipped = 0;
  while (k < limit && skipped < 2 && t_.IsWord(k) && IsVerbModifier(t_.Lower(k)) && mentions_->StartingAt(k) < 0) {
    ++k;
    ++skipped;
  }
  if (k >= limit || InQuote(k)) return -1;
  int m = mentions_->StartingAt(k);
  if (m >= 0 && mentions_->mention(m).last <= limit) {
    *end = mentions_->mention(m).last;
    return m;
  }
  int e = NounPhraseRight(k, limit);
  if (e < 0) return -1;
  *end = e;
  // "former election chief Maria Lopez": the phrase names the person its
  // last mention names.
  int inner = mentions_->EndingAt(e - 1);
  if (inner >= 0 && mentions_->mention(inner).first > k && mentions_->mention(inner).entity >= 0) {
    return mentions_->AddLinkedPhrase(k, e, mentions_->mention(inner).entity);
  }
  return mentions_->AddSourcePhrase(k, e);
}

int Attributor::ParseAddressee(int k, int limit, std::string* addressee) {
  if (k >= limit || InQuote(k) || !t_.IsWord(k)) return k;
  // The end of the addressee's words: before "that", a preposition, a
  // clause opener, a cue, a time phrase or a function word, at most four
  // ("’s" not counted: "Britain’s ITV television station").
  auto words_end = [&](int e) {
    int words = 0;
    while (e < limit && words < 4 && t_.IsWord(e)) {
      std::string_view x = t_.Lower(e);
      if (x == "that" || IsPreposition(x) || IsClauseOpener(x) || facts_.cue_len[e] > 0 || facts_.time_at[e] >= 0) break;
      if (IsFunctionWord(x) || x == "never") break;
      words += !t_[e].Is(kPossessive);
      ++e;
    }
    return e;
  };
  // "told lawmakers it was time", "told the committee the plan was sound":
  // "it" or a determiner's noun phrase, then a finite verb, is the subject
  // of the content's clause.
  auto clause_subject = [&](int e) {
    std::string_view x = t_.Lower(e);
    int v = e + 1;
    if (x != "it") {
      if (!IsDeterminer(x) || x == "that" || x == "all" || x == "both" || x == "each" || x == "every" || x == "no") {
        return false;
      }
      while (v < limit && v - e <= 4 && t_.IsWord(v) && !IsFunctionWord(t_.Lower(v)) &&
             !IsFiniteVerbForm(t_.Lower(v))) ++v;
    }
    return v < limit && t_.IsWord(v) && IsFiniteVerbForm(t_.Lower(v));
  };
  // What may follow an addressee: punctuation, "that", a preposition, a
  // time phrase, a quotation mark, the end of the frame.
  auto closes = [&](int e) {
    return e >= limit || t_.IsPunct(e, ',') || t_.IsPunct(e, ':') || t_.IsPunct(e, '.') ||
           (t_.IsWord(e) && (t_.Lower(e) == "that" || IsPreposition(t_.Lower(e)) || t_.Lower(e) == "as" ||
                             t_.Lower(e) == "when" || t_.Lower(e) == "while" ||
                             // "told reporters she was ...": a clause's subject.
                             (IsPronounSubject(t_.Lower(e)) && t_.Lower(e) != "you" && t_.Lower(e) != "it") ||
                             clause_subject(e) ||
                             // "urged voters not to give up".
                             ((t_.Lower(e) == "not" || t_.Lower(e) == "never") && e + 1 < limit &&
                              t_.IsWord(e + 1) && t_.Lower(e + 1) == "to"))) ||
           facts_.time_at[e] >= 0 || t_[e].kind == TokenKind::kQuote;
  };
  int m = mentions_->StartingAt(k);
  if (m >= 0) {
    const MentionInfo& mi = mentions_->mention(m);
    if (mi.kind == MentionKind::kPronoun) return k;
    if (mi.entity >= 0) *addressee = mentions_->entity(mi.entity).name;
    else *addressee = PhraseText(mi.first, mi.last);
    return mi.last;
  }
  std::string_view w = t_.Lower(k);
  if (IsObjectPronoun(w)) return k + 1;
  // "warned that London would face ...": the complementizer, not a
  // determiner.
  if (w == "that") return k;
  int words_first = IsDeterminer(w) ? k + 1 : k;
  int e = words_end(words_first);
  if (e == words_first) return k;
  // A lower-case addressee must be followed by "that", ":" or a time phrase.
  if (!t_[words_first].Is(kCapitalized) && !closes(e)) return k;
  *addressee = PhraseText(words_first, e);
  return e;
}

// Parses what follows a cue up to where the content starts: time phrases,
// the addressee, "to ...", "of", "as", "that", ":" and ",".
bool Attributor::ParseAfterCue(int cue_first, int k, int limit, FoundAttribution* a, int* content_first) {
  const CueForm* form = facts_.cue_form[cue_first];
  uint8_t flags = form ? form->flags : 0;
  // "want all immigrants deported", "backed both Cruz and Rubio", "showed
  // just how weak it is", "called himself pro-choice": right after the cue
  // these words open the content rather than modify the verb.
  bool opens_content = false;
  if (k < limit && t_.IsWord(k)) {
    std::string_view w = t_.Lower(k);
    opens_content = w == "all" || w == "both" || w == "each" || w == "just" || w == "further" || w == "yet" ||
                    w == "too" || w == "himself" || w == "herself" || w == "themselves";
  }
  if (!opens_content) k = SkipAdverbials(k, limit, &a->time);
  // "said — on Twitter, as it happens — that ...": an aside between dashes
  // right after the cue, then "that", is no content.
  if (k < limit && IsDash(t_, k)) {
    for (int x = k + 1; x + 1 < limit && x - k <= 15; ++x) {
      if (InQuote(x) || facts_.cue_len[x] > 0 || t_.IsPunct(x, '.')) break;
      if (!IsDash(t_, x)) continue;
      if (x > k + 1 && t_.IsWord(x + 1) && t_.Lower(x + 1) == "that") k = x + 1;
      break;
    }
  }
  if (flags & kCueTakesObject) {
    int object_first = k;
    k = ParseAddressee(k, limit, &a->addressee);
    // "urged the department to release the emails": the one urged is the
    // addressee, and also the subject of the claim, which opens with them.
    int to = k;
    if (to + 1 < limit && t_.IsWord(to) && (t_.Lower(to) == "not" || t_.Lower(to) == "never")) ++to;
    if (!a->addressee.empty() && to + 1 < limit && t_.IsWord(to) && t_.Lower(to) == "to" && t_.IsWord(to + 1) &&
        form && (form->lemma == "urge" || form->lemma == "ask" || form->lemma == "call on" ||
                 form->lemma == "encourage" || form->lemma == "implore" || form->lemma == "beg")) {
      *content_first = object_first;
      return true;
    }
    k = SkipAdverbials(k, limit, &a->time);
    // "told a town hall in Salem, New Hampshire on Monday that ...".
    if (!a->addressee.empty() && k < limit && (t_.IsPunct(k, ',') || (t_.IsWord(k) && IsPreposition(t_.Lower(k))))) {
      for (int x = k; x < std::min(limit, k + 15); ++x) {
        if (InQuote(x) || facts_.cue_len[x] > 0 || t_.IsPunct(x, '.') || t_.IsPunct(x, ';')) break;
        if (t_.IsWord(x) && t_.Lower(x) == "that") { k = x; break; }
      }
    }
  }
  if ((flags & kCueTakesTo) && k + 1 < limit && t_.IsWord(k) && t_.Lower(k) == "to") {
    int after = ParseAddressee(k + 1, limit, &a->addressee);
    if (after > k + 1) k = SkipAdverbials(after, limit, &a->time);
  }
  // "in an interview with CNN", "Speaking to CNN on Sunday, Lopez said".
  if (a->addressee.empty()) {
    for (int j = std::max({cue_first - 15, SentenceFirst(cue_first), 1}); j < std::min(limit, k + 1); ++j) {
      if (!t_.IsWord(j) || j + 1 >= limit) continue;
      std::string_view w = t_.Lower(j), before = t_.Lower(j - 1);
      bool venue = w == "with" && IsVenueNoun(before) && j >= cue_first - 8;
      bool speaking = (w == "to" || w == "with") && (before == "speaking" || before == "talking");
      if (venue || speaking) {
        int after = ParseAddressee(j + 1, limit, &a->addressee);
        if (after > j + 1 && after > k) k = SkipAdverbials(after, limit, &a->time);
        break;
      }
    }
  }
  if (flags & kCueTakesOf) {
    int j = k;
    while (j < limit && j - k < 6 && !(t_.IsWord(j) && t_.Lower(j) == "of") && !t_.IsPunct(j, ',')) ++j;
    if (j < limit && t_.IsWord(j) && t_.Lower(j) == "of") {
      // "accused Trump of using divisive rhetoric": the claim is about the
      // object, which opens the content; after an addressee ("warned
      // Zelenskyy of ...") the content opens after "of".
      if ((flags & kCueTakesObject) || j == k) k = j + 1;
    } else if (form && form->lemma == "accuse") {
      return false;
    }
  }
  if (flags & kCueTakesAs) {
    int j = k;
    while (j < limit && j - k < 15 && !(t_.IsWord(j) && t_.Lower(j) == "as") && !t_.IsPunct(j, ',') &&
           t_[j].kind != TokenKind::kQuote && facts_.cue_len[j] == 0) ++j;
    if (j < limit && j - k < 6 && t_.IsWord(j) && t_.Lower(j) == "as") {
      // "described the probe as a security review": "the probe as ..." is
      // the claim.
      if ((flags & kCueTakesObject) || j == k) k = j + 1;
    } else if (j < limit && t_[j].kind == TokenKind::kQuote && facts_.quote_of_token[j] >= 0 && j - k <= 14 &&
               quotes_[facts_.quote_of_token[j]].open == j &&
               (quotes_[facts_.quote_of_token[j]].close + 1 >= t_.size() ||
                t_[quotes_[facts_.quote_of_token[j]].close + 1].kind == TokenKind::kPunct ||
                t_.IsPunct(quotes_[facts_.quote_of_token[j]].close - 1, ',') ||
                t_[quotes_[facts_.quote_of_token[j]].close + 1].paragraph != t_[j].paragraph)) {
      // "Skelly called Braynard “a real smart guy.”": an object, then the
      // words, ending the clause; as with "as", the object is part of the
      // claim.
      if (flags & kCueTakesObject) k = j;
    } else if (!(j < limit && t_[j].kind == TokenKind::kQuote && j == k)) {
      // "described X" says nothing without "as"; "praised X" says X.
      static const std::string_view kNeedAs[] = {"describe", "characterize", "characterise", "label", "brand",
                                                 "call", "portray", "depict", "dub", "term", "see as"};
      for (std::string_view l : kNeedAs) {
        if (form && form->lemma == l) return false;
      }
    }
  }
  while (k < limit && (t_.IsPunct(k, ':') || t_.IsPunct(k, ',') || t_.IsPunct(k, '-') ||
                       t_.Surface(k) == "\xE2\x80\x94" || t_.Surface(k) == "\xE2\x80\x93")) ++k;
  // "said in April that ...", "said for weeks he ...": a short phrase
  // before "that" or a subject pronoun is not content.
  if (k < limit && t_.IsWord(k) && IsPreposition(t_.Lower(k))) {
    for (int x = k + 1; x < std::min(limit, k + 10); ++x) {
      // "asks at Western High School, “Any questions ...”": a short phrase,
      // then the quotation.
      if ((t_.IsPunct(x, ',') || t_.IsPunct(x, ':')) && x + 1 < t_.size() &&
          facts_.quote_of_token[x + 1] >= 0 && quotes_[facts_.quote_of_token[x + 1]].open == x + 1) {
        k = x + 1;
        break;
      }
      if (!t_.IsWord(x) && t_[x].kind != TokenKind::kNumber && !t_[x].Is(kPossessive)) break;
      std::string_view w = t_.Lower(x);
      if (w == "that") { k = x; break; }
      if (w == "how" || w == "what" || w == "why" || w == "whether" || w == "who" || w == "which" ||
          w == "when" || w == "where" || w == "if") break;
      if (IsPronounSubject(w) && w != "you" && x + 1 < limit && t_.IsWord(x + 1) && !IsPreposition(t_.Lower(x + 1))) {
        // "said in politics it takes time": "it" only before a verb.
        std::string_view v = t_.Lower(x + 1);
        bool verb = v.ends_with("s") || v.ends_with("ed") || IsAuxiliary(v) || IsBeForm(v);
        if (w != "it" || verb) {
          k = x;
          break;
        }
      }
    }
  }
  bool introduced = k > 0 && (t_.IsPunct(k - 1, ':') || t_.IsPunct(k - 1, ','));
  if (k < limit && t_.IsWord(k) && t_.Lower(k) == "that") {
    a->complementizer = k;
    // "found that, on average, incomes ...": before an interrupting phrase
    // the complementizer stays with the statement.
    if (!(k + 1 < limit && t_.IsPunct(k + 1, ','))) ++k;
    introduced = true;
  }
  // "Asked if he agreed, Starmer replied: ...": after a comma, a name and a
  // cue that introduces words of its own open another frame.
  if (k > 0 && t_.IsPunct(k - 1, ',') && k < limit) {
    int m = mentions_->StartingAt(k);
    int v = m >= 0 ? mentions_->mention(m).last : -1;
    if (v >= 0 && v < limit && facts_.cue_len[v] > 0) {
      int after = v + facts_.cue_len[v];
      if (after < limit && (t_.IsPunct(after, ':') || t_.IsPunct(after, ',') || t_[after].kind == TokenKind::kQuote)) {
        return false;
      }
    }
  }
  // "spoke to reporters about the plan", "spoke of his faith": the topic
  // is what was said (train gold: "spoke about" 8, "spoke of" 2, and the
  // content after it).
  if (form != nullptr && form->lemma == "speak" && k + 1 < limit && t_.IsWord(k) &&
      (t_.Lower(k) == "about" || t_.Lower(k) == "of")) {
    ++k;
    introduced = true;
  }
  // "commenting on a call", "declined to comment in detail": no statement.
  // "said at least 12 people died" is one.
  bool quantity = k + 1 < limit && t_.IsWord(k + 1) && OpensQuantity(t_.Lower(k), t_.Lower(k + 1));
  if (!introduced && k < limit && t_.IsWord(k) && IsPreposition(t_.Lower(k)) && t_.Lower(k) != "to" && !quantity) {
    return false;
  }
  *content_first = k;
  return true;
}

// The end (exclusive) of content starting at `first`: the sentence end, or
// earlier where a trailing attribution (", X said", ", according to X", ",
// saying") starts.
int Attributor::ContentEnd(int first, int limit, bool clause_only) const {
  limit = std::min(limit, first + kMaxContentTokens);
  int k = first;
  int parens = 0;
  while (k < limit) {
    // "(He said that he would not run.)": a bracket the content did not
    // open closes the aside the statement stands in.
    if (t_.IsPunct(k, '(')) ++parens;
    if (t_.IsPunct(k, ')') && parens-- == 0 && k > first) return k;
    // "... came from in Iowa. [Vox.]": a bracketed credit after the
    // sentence's period, which the sentence did not end at.
    if (k > first && (t_.IsPunct(k, '.') || t_.IsPunct(k, '?') || t_.IsPunct(k, '!')) && k + 1 < limit &&
        t_.IsPunct(k + 1, '[')) return k;
    int q = facts_.quote_of_token[k];
    if (q >= 0) {
      int close = quotes_[q].close;
      k = close + 1;
      // ‘...maniacal,” adding, “...’: the comma sat inside the quote.
      if (k < limit && facts_.cue_len[k] > 0 && facts_.cue_form[k]->participle && close > 0 &&
          t_.IsPunct(close - 1, ',')) return k;
      // 'calling him “an orange buffoon,” Susan said as ...': a comma inside
      // the marks, then a short subject and a verb of saying, is the
      // quotation's own attribution.
      if (k < limit && quotes_[q].open > first && close > 0 && t_.IsPunct(close - 1, ',')) {
        for (int x = k; x < std::min(limit, k + 6); ++x) {
          if (!t_.IsWord(x) && !t_[x].Is(kPossessive) && !t_.IsPunct(x, '.')) break;
          if (facts_.cue_len[x] > 0) {
            const CueForm* f = facts_.cue_form[x];
            if (x > k && !f->participle && f->category == CueCategory::kSpeech) return k;
            break;
          }
        }
      }
      continue;
    }
    if (t_.IsPunct(k, ';') && clause_only) return k;
    // "he respects Clinton and calls her ...": a second verb of the source's.
    if (k > first && t_.IsWord(k) && (t_.Lower(k) == "and" || t_.Lower(k) == "but") && k + 1 < limit) {
      // "... and repeatedly says": an adverb may stand before the verb.
      int v = k + 1;
      if (v + 1 < limit && t_.IsWord(v) && !t_[v].Is(kCapitalized) && t_.Lower(v).size() > 4 &&
          t_.Lower(v).ends_with("ly") && facts_.cue_len[v] == 0) {
        ++v;
      }
      if (facts_.cue_len[v] > 0 && !facts_.cue_form[v]->participle) return k;
    }
    // "Trump wants the votes and Pena Nieto wants to be a hero": another
    // named speaker and a cue of their own.
    if (k > first && t_.IsWord(k) && (t_.Lower(k) == "and" || t_.Lower(k) == "but") && k + 1 < limit) {
      int m = mentions_->StartingAt(k + 1);
      if (m >= 0 && mentions_->mention(m).kind != MentionKind::kGroup) {
        int v = mentions_->mention(m).last;
        if (v < limit && facts_.cue_len[v] > 0 && !facts_.cue_form[v]->participle) return k;
      }
    }
    // "... with Americans -- but it clearly was ...": a turn the speaker
    // did not make.
    if ((t_.Surface(k) == "--" || t_.Surface(k) == "\xE2\x80\x94" || t_.Surface(k) == "\xE2\x80\x93") &&
        k + 1 < limit && t_.IsWord(k + 1) &&
        (t_.Lower(k + 1) == "but" || t_.Lower(k + 1) == "and" || t_.Lower(k + 1) == "while" || t_.Lower(k + 1) == "though")) {
      return k;
    }
    // 'called the decision “long overdue,” while Vance accused ...': a
    // quotation's closing comma stands for one after it.
    int closed = k > first ? facts_.quote_of_token[k - 1] : -1;
    // Only before "while"/"whereas": American commas sit inside the marks
    // everywhere, and the other readings of a comma misfire there.
    bool comma_in_quote = closed >= 0 && quotes_[closed].close == k - 1 && k - 2 >= first && t_.IsPunct(k - 2, ',') &&
                          t_.IsWord(k) && (t_.Lower(k) == "while" || t_.Lower(k) == "whereas");
    // A horizontal bar (U+2015) sets off a phrase as an em dash does.
    if (t_.IsPunct(k, ',') || t_.Surface(k) == "\xE2\x80\x94" || t_.Surface(k) == "\xE2\x80\x95" || comma_in_quote) {
      int j = t_.IsPunct(k, ',') || !comma_in_quote ? k + 1 : k;
      if (j < limit && facts_.cue_len[j] > 0) return k;  // ", said X" / ", saying" / ", according to"
      // ", while forecasters warned that ...", ", but in a later interview
      // said ...", ", while only 49 percent of Republicans say ...": another
      // attribution begins.
      std::string_view turn = j < limit && t_.IsWord(j) ? t_.Lower(j) : std::string_view();
      bool contrast = turn == "and" || turn == "but" || turn == "while" || turn == "whereas" || turn == "although" ||
                      turn == "though" || turn == "yet";
      for (int x = j + 1; x < std::min(limit, j + 8); ++x) {
        if (!t_.IsWord(x) && !t_[x].Is(kPossessive) && t_[x].kind != TokenKind::kNumber &&
            !(contrast && t_.IsPunct(x, '%'))) break;
        if (facts_.cue_len[x] > 0 && !facts_.cue_form[x]->participle) {
          const CueForm* f = facts_.cue_form[x];
          int after = x + facts_.cue_len[x];
          bool opens = contrast || (after < limit && t_.IsWord(after) && t_.Lower(after) == "that");
          if (opens && f->category != CueCategory::kSource) return k;
          break;
        }
      }
      // ", X reports" / ", he said": a short phrase then a cue.
      for (int x = j; x < std::min(limit, j + 6); ++x) {
        if (!t_.IsWord(x) && t_[x].kind != TokenKind::kPunct) break;
        if (facts_.cue_len[x] > 0) {
          const CueForm* f = facts_.cue_form[x];
          int after = x + facts_.cue_len[x];
          bool ends = after >= limit || t_.IsPunct(after, '.') || t_.IsPunct(after, ',') || t_.IsPunct(after, ':') ||
                      (f && f->category != CueCategory::kSource && t_.IsWord(after) &&
                       facts_.cue_len[after] > 0);
          if (ends || (after < limit && t_.IsWord(after) && (t_.Lower(after) == "citing" || t_.Lower(after) == "on" ||
                                                              facts_.time_at[after] >= 0))) {
            return k;
          }
          break;
        }
        if (t_.IsPunct(x, ',') || t_.IsPunct(x, '.')) break;
      }
      // ", Trump contradicted him": a named subject and a past-tense verb
      // start a clause of the writer's.
      int m = j < limit ? mentions_->StartingAt(j) : -1;
      if (m >= 0 && mentions_->mention(m).kind != MentionKind::kGroup) {
        int v = mentions_->mention(m).last;
        if (v < limit && t_.IsWord(v) && !t_[v].Is(kCapitalized)) {
          std::string_view w = t_.Lower(v);
          bool past = w.size() > 3 && w.substr(w.size() - 2) == "ed";
          if (past || facts_.cue_len[v] > 0) return k;
        }
      }
      if (clause_only && j < limit && t_.IsWord(j)) {
        std::string_view w = t_.Lower(j);
        if (w == "or" || w == "and" || w == "but" || w == "while" || w == "which" || w == "who") return k;
      }
    }
    ++k;
  }
  return std::min(k, limit);
}

void Attributor::SetSpeaker(FoundAttribution* a) {
  if (a->source >= 0) a->speaker = mentions_->mention(a->source).entity;
}

void Attributor::Classify(FoundAttribution* a) const {
  int first = a->content.first, last = a->content.last;
  bool has_quote = false, only_quote = false;
  for (int k = first; k < last; ++k) {
    int q = facts_.quote_of_token[k];
    if (q < 0) continue;
    has_quote = true;
    const QuotedSpan& s = quotes_[q];
    int q_last = s.close + 1;
    // Content equal to one quotation (give or take edge punctuation).
    int f = first, l = last;
    while (f < l && t_[f].kind == TokenKind::kPunct) ++f;
    while (l > f && t_[l - 1].kind == TokenKind::kPunct) --l;
    only_quote = f == s.open && l == q_last;
    break;
  }
  if (only_quote) a->type = FoundAttribution::Type::kDirect;
  else if (has_quote) a->type = FoundAttribution::Type::kMixed;
  else a->type = FoundAttribution::Type::kIndirect;
}

bool Attributor::SignedQuote(int q, FoundAttribution* out) {
  const QuotedSpan& s = quotes_[q];
  const int n = t_.size();
  int d = s.close + 1;
  if (!s.closed || d + 1 >= n || t_[d].paragraph != t_[s.close].paragraph) return false;
  std::string_view dash = t_.Surface(d);
  if (dash != "\xE2\x80\x95" && dash != "\xE2\x80\x94" && dash != "\xE2\x80\x93" && dash != "--" && dash != "-") {
    return false;
  }
  // The rest of the paragraph is a name: capitalised words, particles,
  // initials' periods and a final period.
  int last_word = -1;
  for (int x = d + 1; x < n && t_[x].paragraph == t_[d].paragraph; ++x) {
    if (x - d > 8) return false;
    if (t_.IsWord(x) && (t_[x].Is(kCapitalized) || (last_word >= 0 && IsNameParticle(t_.Lower(x))))) {
      last_word = x;
    } else if (!(t_.IsPunct(x, '.') && last_word >= 0)) {
      return false;
    }
  }
  if (last_word < 0 || !t_[d + 1].Is(kCapitalized)) return false;
  FoundAttribution a;
  a.source = mentions_->StartingAt(d + 1);
  if (a.source < 0 || mentions_->mention(a.source).last != last_word + 1) {
    a.source = mentions_->AddSourcePhrase(d + 1, last_word + 1);
  }
  if (a.source < 0) return false;
  a.type = FoundAttribution::Type::kDirect;
  a.cue = {d, d + 1};
  a.content = {s.open, s.close + 1};
  SetSpeaker(&a);
  *out = a;
  return true;
}

bool Attributor::TrailingAttribution(int q, FoundAttribution* out) {
  const QuotedSpan& s = quotes_[q];
  if (!s.closed) return false;
  if (SignedQuote(q, out)) return true;
  const int n = t_.size();
  int j = s.close + 1;
  // "''... them,''' said McCain": a stray mark (an inner quote's closing
  // one) after the closing mark.
  while (j < n && t_[j].kind == TokenKind::kQuote && facts_.quote_of_token[j] < 0 &&
         t_[j].paragraph == t_[s.close].paragraph) ++j;
  if (j >= n || t_[j].paragraph != t_[s.close].paragraph) return false;
  // A quotation that runs on into its sentence, with no punctuation at its
  // end inside or after the marks: 'found she was “extremely careless” and
  // mishandled ..., he said there is ...'.
  int last_inner = s.close - 1;  // Past the closing marks of quotes inside.
  while (last_inner > s.open && t_[last_inner].kind == TokenKind::kQuote) --last_inner;
  bool run_on = last_inner > s.open && t_[last_inner].kind != TokenKind::kPunct;
  if (t_.IsPunct(j, ',') || t_.Surface(j) == "\xE2\x80\x94" || t_.Surface(j) == "--" || t_.IsPunct(j, '-')) {
    ++j;
    run_on = false;
  }
  run_on = run_on && j < n && t_.IsWord(j);
  // After a quote that ends its sentence, "He said the FBI ..." starts a new
  // statement; only a bare "Trump said." attributes the quote. The same
  // holds after a quotation that runs on.
  bool new_sentence = j < n && t_[j].Is(kSentenceStart);
  int limit = std::min(n, j + kTrailingWindow);
  int depth = 0;  // Inside "(D-Wis.)" a period ends nothing.
  for (int x = j; x < limit; ++x) {
    depth += t_.IsPunct(x, '(') - (t_.IsPunct(x, ')') && depth > 0);
    if (t_[x].paragraph != t_[j].paragraph || t_[x].kind == TokenKind::kQuote ||
        (x > j && depth == 0 && (t_.IsPunct(x, '.') || t_.IsPunct(x, '!') || t_.IsPunct(x, '?')) &&
         // "McConnell, R-Ky., said": a period before a comma ends nothing.
         !(t_.IsPunct(x, '.') && x + 1 < n && t_.IsPunct(x + 1, ',')))) {
      limit = x;
      break;
    }
  }
  if (j >= limit) return false;
  // '“long overdue,” while Vance accused ...': a clause of its own, not
  // the quotation's frame.
  if (t_.IsWord(j)) {
    std::string_view w = t_.Lower(j);
    if (w == "while" || w == "whereas" || w == "although" || w == "though" || w == "but" || w == "and" ||
        w == "because" || w == "if" || w == "when") return false;
  }
  FoundAttribution a;
  int k = SkipAdverbials(j, limit, &a.time);
  int cue = -1, after = -1;
  if (k < limit && facts_.cue_len[k] > 0 && !cue_used_[k]) {
    // "..., said Rutte" / "..., according to Reuters".
    if (facts_.cue_form[k]->participle) return false;
    cue = k;
    int src_end = -1;
    a.source = SourceRightOf(k + facts_.cue_len[k], limit, &src_end);
    if (a.source < 0) return false;
    after = src_end;
  } else {
    // "..., Rutte told the BBC" / "..., a spokesman said".
    // Up to one appositive: "Doug Usher, director of research at X, said".
    int commas = 0;
    for (int x = k; x < limit; ++x) {
      if (facts_.cue_len[x] > 0 && !cue_used_[x]) { cue = x; break; }
      if (t_.IsPunct(x, ',') && ++commas > 2) break;
    }
    if (cue < 0 || cue == k) return false;
    if (facts_.cue_form[cue]->participle) return false;
    a.source = SourceLeftOf(cue);
    // '“We won,” the family said': a determiner and up to three lower-case
    // words between the quotation and its verb name the speaker.
    if (a.source < 0 && t_.IsWord(k) && IsDeterminer(t_.Lower(k)) && cue - k >= 2 && cue - k <= 4) {
      bool words = true;
      for (int x = k + 1; x < cue && words; ++x) {
        words = t_.IsWord(x) && !t_[x].Is(kCapitalized) && !IsFunctionWord(t_.Lower(x)) && !IsPreposition(t_.Lower(x));
      }
      if (words) a.source = mentions_->AddSourcePhrase(k, cue);
    }
    if (a.source < 0 || mentions_->mention(a.source).first < k) return false;
    after = cue + facts_.cue_len[cue];
  }
  const CueForm* form = facts_.cue_form[cue];
  a.cue = {cue, cue + facts_.cue_len[cue]};
  a.category = form->category;
  a.content = {s.open, s.close + 1};
  // '“You squeezed employees to the breaking point” to drive up the stock
  // price, she said': a quotation that runs on to a comma before its frame
  // is part of a mixed statement that runs to that comma. Without the
  // comma the frame is not this quotation's ('“...” and he does believe').
  int frame_first = cue == k ? k : std::min(cue, mentions_->mention(a.source).first);
  bool run_to_frame = run_on && frame_first > j;
  if (run_to_frame) {
    if (!t_.IsPunct(frame_first - 1, ',')) return false;
    // From the sentence's start: 'Trump’s “excesses” are sickening,
    // Hollande said'.
    a.content = {std::min(s.open, SentenceFirst(frame_first)), frame_first - 1};
  }
  // 'He was a “respected manager,” the statement said.': a quotation closed
  // before its frame but opened inside a clause of the sentence is part of a
  // mixed statement from the sentence's start.
  bool clause_before = false;
  if (!run_to_frame) {
    int first = SentenceFirst(s.open);
    if (first < s.open && t_[first].paragraph == t_[s.open].paragraph) {
      clause_before = true;
      for (int x = first; x < s.open && clause_before; ++x) {
        clause_before = facts_.cue_len[x] == 0 && t_[x].kind != TokenKind::kQuote && !InQuote(x) &&
                        !t_.IsPunct(x, ':') && !t_.IsPunct(x, '(') && !t_.IsPunct(x, ')');
      }
      if (clause_before) a.content.first = first;
    }
  }
  int content_first = after;
  bool parsed = ParseAfterCue(cue, after, limit, &a, &content_first);
  // "..., she said, referencing ...": the frame closes with its comma.
  bool frame_closed = run_to_frame && after < limit && t_.IsPunct(after, ',');
  if ((new_sentence || run_on) && !frame_closed) {
    // ‘“Who do they think they are?” Trump said of Apple in February.’ and
    // ‘... Sessions said as he launched ...’ add circumstances, not content.
    auto opens_circumstance = [&](int x) {
      return x < limit && t_.IsWord(x) &&
             (IsPreposition(t_.Lower(x)) || t_.Lower(x) == "as" || t_.Lower(x) == "when" || t_.Lower(x) == "while");
    };
    if (!parsed && !opens_circumstance(SkipAdverbials(after, limit, nullptr))) return false;
    if (!parsed) content_first = limit;
    bool circumstance = opens_circumstance(content_first);
    for (int x = content_first; x < limit && !circumstance; ++x) {
      if (t_.IsWord(x) || t_[x].kind == TokenKind::kNumber) return false;
    }
    // ‘...” Cruz says, “That is ...”’: the cue introduces the next quote.
    int x = content_first;
    while (x < n && (t_.IsPunct(x, ',') || t_.IsPunct(x, ':'))) ++x;
    if (x < n && t_[x].kind == TokenKind::kQuote && facts_.quote_of_token[x] >= 0 &&
        quotes_[facts_.quote_of_token[x]].open == x) return false;
  }
  if (run_to_frame || clause_before) {
    Classify(&a);
  } else {
    a.type = FoundAttribution::Type::kDirect;
  }
  cue_used_[cue] = 1;
  SetSpeaker(&a);
  *out = a;
  return true;
}

bool Attributor::LeadingAttribution(int q, FoundAttribution* out) {
  const QuotedSpan& s = quotes_[q];
  int open = s.open;
  int lo = std::max(0, open - kLeadingWindow);
  int para = t_[open].paragraph;
  // An introduction at the end of the previous paragraph: "Rutte said:".
  if (t_[open].Is(kParagraphStart) && open > 0 && t_.IsPunct(open - 1, ':')) {
    para = t_[open - 1].paragraph;
  }
  for (int c = open - 1; c >= lo; --c) {
    if (t_[c].paragraph != para && t_[c].paragraph != t_[open].paragraph) break;
    if (t_[c].kind == TokenKind::kQuote || InQuote(c)) break;
    if (t_.IsPunct(c, '.') || t_.IsPunct(c, '?') || t_.IsPunct(c, '!')) break;
    if (facts_.cue_len[c] == 0 || cue_used_[c]) continue;
    const CueForm* form = facts_.cue_form[c];
    FoundAttribution a;
    int after = c + facts_.cue_len[c];
    if (form->category == CueCategory::kSource) {
      int src_end = -1;
      a.source = SourceRightOf(after, open, &src_end);
      if (a.source < 0) return false;
      after = src_end;
    } else if (form->participle) {
      int subject = -1;
      int sf = std::max(SentenceFirst(c), c - kMaxSubjectDistance);
      for (int x = sf; x < c; ++x) {
        int m = mentions_->StartingAt(x);
        if (m >= 0 && mentions_->mention(m).subject && mentions_->mention(m).entity >= 0) { subject = m; break; }
      }
      a.source = subject;
    } else {
      a.source = t_.IsPunct(c, ':') ? SpeakerOnTopic(SentenceFirst(c), c) : -1;
      if (a.source < 0) a.source = SourceLeftOf(c);
      if (a.source < 0) {
        int src_end = -1;
        a.source = SourceRightOf(after, open, &src_end);
        if (a.source >= 0) after = src_end;
      }
    }
    if (a.source < 0) return false;
    int content_first = -1;
    if (!ParseAfterCue(c, after, open + 1, &a, &content_first)) return false;
    // Skip a paragraph break between "said:" and the quote.
    if (content_first != open) return false;
    a.cue = {c, c + facts_.cue_len[c]};
    a.category = form->category;
    a.type = FoundAttribution::Type::kDirect;
    a.content = {s.open, s.last_inner() + (s.closed ? 1 : 0)};
    // 'said that “the bridge will open in May”': the statement keeps its
    // "that", as indirect content does.
    if (a.complementizer >= 0 && a.complementizer == s.open - 1) a.content.first = a.complementizer;
    cue_used_[c] = 1;
    SetSpeaker(&a);
    *out = a;
    return true;
  }
  return false;
}

// A short quotation in title case after "on", "of", "in" or a possessive
// names a work ("on Fox News' “Sunday Morning Futures,”"), not a statement.
bool Attributor::IsWorkTitle(int q) const {
  const QuotedSpan& s = quotes_[q];
  int words = 0;
  for (int k = s.first_inner(); k < s.last_inner(); ++k) {
    if (!t_.IsWord(k) && t_[k].kind != TokenKind::kNumber) continue;
    ++words;
    if (!t_[k].Is(kCapitalized) && !IsFunctionWord(t_.Lower(k)) && t_[k].kind != TokenKind::kNumber) return false;
  }
  if (words == 0 || words > 6 || s.open == 0) return false;
  int p = s.open - 1;
  return t_[p].Is(kPossessive) || (t_.IsWord(p) && (t_.Lower(p) == "on" || t_.Lower(p) == "of" ||
                                                    t_.Lower(p) == "in" || t_.Lower(p) == "titled" ||
                                                    t_.Lower(p) == "called" || t_.Lower(p) == "film" ||
                                                    t_.Lower(p) == "book" || t_.Lower(p) == "show"));
}

void Attributor::AttributeDirectQuotes() {
  for (int q = 0; q < static_cast<int>(quotes_.size()); ++q) {
    const QuotedSpan& s = quotes_[q];
    if (quote_attribution_[q] >= 0 || IsWorkTitle(q)) continue;
    FoundAttribution a;
    bool found = TrailingAttribution(q, &a) || LeadingAttribution(q, &a);
    if (!found) continue;
    // A quote interrupted by its attribution: "...," he said, "...".
    int after = std::max(a.cue.last, a.source >= 0 ? mentions_->mention(a.source).last : 0);
    if (q + 1 < static_cast<int>(quotes_.size()) && after > s.close) {
      const QuotedSpan& next = quotes_[q + 1];
      int k = after;
      while (k < next.open && (t_.IsPunct(k, ',') || t_.IsPunct(k, ':'))) ++k;
      if (k == next.open && t_[next.open].paragraph == t_[s.close].paragraph &&
          !t_[next.open].Is(kSentenceStart)) {
        a.parts = {{s.open, s.close + 1}, {next.open, next.close + (next.closed ? 1 : 0)}};
        a.content.last = a.parts.back().last;
        quote_attribution_[q + 1] = static_cast<int>(found_.size());
      }
    }
    quote_attribution_[q] = static_cast<int>(found_.size());
    found_.push_back(a);
  }
}

bool Attributor::OpensSentence(int c, int s_first) const {
  // "Noting that ...", "Having announced that ...", "Despite challenging
  // ...", "One month after announcing ...".
  static const std::string_view kOpeners[] = {"having", "despite", "besides", "after", "before", "while", "when",
                                              "since", "by", "without", "in", "on", "upon", "one", "two", "a",
                                              "few", "day", "days", "week", "weeks", "month", "months", "year",
                                              "years", "just", "even", "also", "not", "been", "continuing"};
  bool perfect = c > s_first && t_.IsWord(c - 1) && t_.Lower(c - 1) == "having";
  if (!t_.IsWord(c) || !(t_.Lower(c).ends_with("ing") || perfect) || c - s_first > 4) return false;
  for (int x = s_first; x < c; ++x) {
    if (!t_.IsWord(x) || InQuote(x)) return false;
    bool known = false;
    for (std::string_view o : kOpeners) known = known || t_.Lower(x) == o;
    if (!known) return false;
  }
  return true;
}

int Attributor::IssuerOfDocument(int c, int s_first) {
  // "His office put out a statement saying ...", "she sent an email
  // saying ...": the one who issued the document, not the document.
  static const std::string_view kDocuments[] = {"statement", "release", "email", "e-mail", "message",
                                                "letter",    "memo",    "tweet", "note"};
  static const std::string_view kIssuing[] = {"released", "issued", "sent", "put", "posted", "published", "fired"};
  int d = c - 1;
  // "released a statement Wednesday saying".
  for (int b = std::max(s_first, d - 2); b <= d; ++b) {
    int te = facts_.time_at[b];
    if (te >= 0 && times_[te].last == d + 1) {
      d = b - 1;
      break;
    }
  }
  if (d <= s_first || !t_.IsWord(d)) return -1;
  bool document = false;
  for (std::string_view w : kDocuments) document = document || t_.Lower(d) == w;
  if (!document) return -1;
  int det = d - 1;
  while (det > s_first && d - det <= 3 && t_.IsWord(det) && !IsDeterminer(t_.Lower(det))) --det;
  if (det <= s_first || !t_.IsWord(det) || !IsDeterminer(t_.Lower(det))) return -1;
  int verb = det - 1;
  if (t_.IsWord(verb) && (t_.Lower(verb) == "out" || t_.Lower(verb) == "off")) --verb;
  if (verb < s_first || !t_.IsWord(verb)) return -1;
  bool issuing = false;
  for (std::string_view w : kIssuing) issuing = issuing || t_.Lower(verb) == w;
  return issuing ? SourceLeftOf(verb) : -1;
}

int Attributor::ParticipleSubject(int c, int s_first) {
  int subject = IssuerOfDocument(c, s_first);
  if (subject >= 0) return subject;
  // "Despite challenging the majority leader, Cruz said ...": a participle
  // that opens the sentence takes the subject after its phrase's comma.
  if (OpensSentence(c, s_first)) {
    int s_end = SentenceEnd(c);
    int comma = c + 1;
    while (comma < s_end && comma - c <= 40 && !(t_.IsPunct(comma, ',') && !InQuote(comma))) ++comma;
    if (comma + 1 < s_end && t_.IsPunct(comma, ',')) {
      int after = comma + 1;
      int m = mentions_->StartingAt(after);
      if (m >= 0 && !mentions_->mention(m).in_quote) return m;
      int e = NounPhraseRight(after, s_end);
      if (e > after) return mentions_->AddSourcePhrase(after, e);
    }
  }
  if (c - 1 >= s_first && t_.IsWord(c - 1) && !IsBeForm(t_.Lower(c - 1)) && !IsPreposition(t_.Lower(c - 1)) &&
      !IsFunctionWord(t_.Lower(c - 1))) {
    subject = mentions_->EndingAt(c - 1);
    // "Sanders was on CNN talking about ...", "Cruz appeared on Fox News
    // saying ...": after the phrase that ends a clause, the participle
    // speaks for the clause's subject, not for the preposition's object.
    if (int clause_subject = SubjectBeforePlace(subject, s_first); clause_subject >= 0) return clause_subject;
    if (subject < 0) {
      int np = NounPhraseLeft(c - 1, s_first);
      if (np >= 0) subject = mentions_->AddSourcePhrase(np, c);
    }
  }
  if (subject >= 0) return subject;
  // "Trump’s “excesses” are sickening, Hollande said Tuesday in Paris,
  // noting ...": after a trailing frame, its source.
  for (auto it = found_.rbegin(); it != found_.rend() && c > s_first && t_.IsPunct(c - 1, ','); ++it) {
    if (it->source < 0 || it->cue.empty() || it->cue.first >= c || it->cue.first < s_first) continue;
    const MentionInfo& src = mentions_->mention(it->source);
    int frame_first = std::min(src.first, it->cue.first);
    int frame_last = std::max(src.last, it->cue.last);
    if (it->content.last <= frame_first && frame_last < c && c - frame_last <= 6) return it->source;
    break;
  }
  // "In an interview with CNN, Trump continued to question ..., saying",
  // "Sanders compared himself to Clinton, saying": the main clause's
  // subject, not a mention in an opening phrase or after a preposition.
  int from = std::max(s_first, c - kMaxSubjectDistance);
  // Not the place of a dateline ("BERLIN — Merz ..., telling").
  if (int after = DatelineEnd(t_, s_first); after > from && after < c) from = after;
  from = SkipOpeningPhrases(from, c);
  // Pass 0: a subject in the main clause, not after a preposition nor the
  // object of a cue ("has praised Putin, saying"); pass 1: any subject.
  auto find_subject = [&](int pass) {
    for (int x = pass == 0 ? from : std::max(s_first, c - kMaxSubjectDistance); x < c; ++x) {
      int m = mentions_->StartingAt(x);
      if (m < 0 || !mentions_->mention(m).subject || mentions_->mention(m).in_quote ||
          mentions_->mention(m).kind == MentionKind::kGroup) {
        continue;
      }
      bool object = false;
      for (int y = std::max(s_first, x - 4); y < x && !object; ++y) object = y + facts_.cue_len[y] == x;
      if (pass == 1 || (PrepositionBefore(m) < 0 && !object)) return m;
    }
    return -1;
  };
  subject = find_subject(0);
  // "A Clinton campaign official later walked back the comments, saying
  // ...": no mention stands there; the noun phrase that opens the main
  // clause, without its verb.
  if (subject < 0 && from < c && t_.IsPunct(c - 1, ',') && t_.IsWord(from) && !InQuote(from)) {
    int e = SubjectPhraseEnd(from, c);
    if (e > from && e < c) subject = mentions_->AddSourcePhrase(from, e);
  }
  if (subject < 0) subject = find_subject(1);
  return subject;
}

int Attributor::SubjectPhraseEnd(int from, int limit) {
  std::string_view first = t_.Lower(from);
  bool adverb = IsPreposition(first) || first == "inside" || first == "outside" || first == "back";
  int e = adverb ? -1 : NounPhraseRight(from, limit);
  // The verb ends the phrase once it has a word past its determiner
  // ("The retired mine inspector began", "The famously quiet senator").
  bool head = false;
  for (int x = from; x < e; ++x) {
    std::string_view w = t_.Lower(x);
    if (facts_.time_at[x] >= 0) return -1;  // "One Sunday in late 2001".
    bool verb = t_.IsWord(x) && (IsCommonVerb(w) || IsVerbModifier(w) ||
                                 (!t_[x].Is(kCapitalized) && w.ends_with("ed")));
    if (verb && head) return x;
    head = head || (!verb && !IsDeterminer(w));
  }
  return e;
}

bool Attributor::PassiveAgent(int c, int cue_last, int s_end, int* agent, TokenRange* subject, TokenRange* rest) {
  const int s_first = SentenceFirst(c);
  // The be-form: in the cue ("was asked") or before it, past "also",
  // "never", "been" ("has also been criticized").
  int verb = -1;
  for (int x = c; x < cue_last && verb < 0; ++x) {
    if (t_.IsWord(x) && IsBeForm(t_.Lower(x))) verb = x + 1;
  }
  int be = c - 1;
  while (verb < 0 && be > s_first && t_.IsWord(be) && IsVerbModifier(t_.Lower(be)) && !IsBeForm(t_.Lower(be))) --be;
  if (verb < 0 && be >= s_first && t_.IsWord(be) && IsBeForm(t_.Lower(be))) verb = c;
  if (verb < 0 || verb >= cue_last || !t_.IsWord(verb)) return false;
  std::string_view v = t_.Lower(verb);
  if (!(v.ends_with("ed") || v.ends_with("en") || v == "told" || v == "said" || v == "thought" || v == "held")) {
    return false;
  }
  if (IsRaisingCue(c, cue_last)) return false;
  // "was shocked by the reaction", "have been startled by Trump's
  // remarks": a feeling is the subject's, whatever caused it.
  static const std::string_view kFeelings[] = {
      "shocked", "startled", "surprised", "alarmed", "disappointed", "troubled", "concerned", "worried",
      "frustrated", "impressed", "outraged", "angered", "offended", "stunned", "moved", "encouraged",
      "pleased", "upset", "disturbed", "dismayed", "baffled", "horrified", "amazed", "gripped",
      "bothered", "annoyed", "irritated", "heartened", "struck", "taken", "inspired", "motivated", "driven"};
  for (std::string_view f : kFeelings) {
    if (v == f) return false;
  }
  // "by" within a short phrase after the cue: "was appointed to the
  // Supreme Court by", not past a comma, a quotation or a clause.
  int by = -1;
  for (int x = cue_last; x < s_end && x - cue_last <= 8; ++x) {
    if (!t_.IsWord(x) && t_[x].kind != TokenKind::kNumber && !t_[x].Is(kPossessive)) break;
    if (InQuote(x) || facts_.cue_len[x] > 0 || (t_.IsWord(x) && IsClauseOpener(t_.Lower(x)))) break;
    if (t_.Lower(x) == "by") {
      by = x;
      break;
    }
  }
  if (by < 0 || by + 1 >= s_end || !t_.IsWord(by + 1)) return false;
  // "by shooting them", "by 10 points": no agent.
  std::string_view next = t_.Lower(by + 1);
  if (!t_[by + 1].Is(kCapitalized) && next.ends_with("ing")) return false;
  int end = -1;
  int source = SourceRightOf(by + 1, s_end, &end);
  if (source < 0 || mentions_->mention(source).first != by + 1) return false;
  int patient = SourceLeftOf(c);
  if (patient < 0) return false;
  *agent = source;
  // "was asked by a caller why ...": the clause after the agent is the
  // statement.
  std::string_view after = end < s_end && t_.IsWord(end) ? t_.Lower(end) : std::string_view();
  if (after == "whether" || after == "if" || after == "why" || after == "how" || after == "what" || after == "that") {
    *subject = {end, ContentEnd(end, s_end, false)};
    *rest = {};
    return true;
  }
  *subject = {mentions_->mention(patient).first, mentions_->mention(patient).last};
  *rest = {cue_last, by};
  return true;
}

int Attributor::SkipOpeningPhrases(int first, int before) const {
  // "On Sunday, ...", "However, ...", "When he arrived, ...", "Arriving upon
  // the scene, ...": a phrase that opens the sentence up to its comma.
  for (int opened = 0; opened < 3 && first < before && t_.IsWord(first); ++opened) {
    std::string_view w = t_.Lower(first);
    bool opener = IsPreposition(w) || IsClauseOpener(w) || facts_.time_at[first] >= 0 ||
                  (mentions_->StartingAt(first) < 0 && (w.ends_with("ing") || w.ends_with("ly") ||
                                                        w == "however" || w == "meanwhile" || w == "still"));
    if (!opener) break;
    int comma = first + 1;
    while (comma < before && !t_.IsPunct(comma, ',') && !InQuote(comma)) ++comma;
    if (comma >= before - 1 || !t_.IsPunct(comma, ',')) break;
    // Not a whole clause after a preposition ("By Sunday afternoon she had
    // canceled a rally ... in Green Bay, Wis., citing").
    bool clause = false;
    for (int x = first + 1; x < comma && !clause && !IsClauseOpener(w); ++x) {
      clause = t_.IsWord(x) && SubjectPronoun(t_.Lower(x)) != 0;
    }
    if (clause) break;
    first = comma + 1;
  }
  return first;
}

bool Attributor::ModelParticiple(int c) const {
  // "Trump attacked Romney, calling him ...": a cue the model found, in the
  // -ing form after a comma, opens a participle clause like ", saying".
  if (facts_.cue_form[c] != &ModelCueForm()) return false;
  if (OpensSentence(c, SentenceFirst(c))) return true;
  return c > 0 && t_.IsPunct(c - 1, ',') && t_.IsWord(c) && !t_[c].Is(kCapitalized) && t_.Lower(c).size() > 4 &&
         t_.Lower(c).ends_with("ing");
}

void Attributor::AttributeCues() {
  const int n = t_.size();
  for (int c = 0; c < n; ++c) {
    if (facts_.cue_len[c] == 0 || cue_used_[c]) continue;
    const CueForm* form = facts_.cue_form[c];
    int cue_last = c + facts_.cue_len[c];
    int s_first = SentenceFirst(c);
    int s_end = SentenceEnd(c);
    // Content may run through a quotation that crosses the sentence end.
    FoundAttribution a;
    a.cue = {c, cue_last};
    a.category = form->category;
    int content_first = -1, content_last = -1;
    TokenRange tail;  // The content's second part, after "according to X,".
    if (form->category == CueCategory::kSource) {
      int src_end = -1;
      if (form == &InPollForm()) {
        // "in the polls behind Clinton": the source ends with the poll.
        int e = cue_last;
        while (e < s_end && t_.Lower(e) != "poll" && t_.Lower(e) != "polls" && t_.Lower(e) != "survey" &&
               t_.Lower(e) != "surveys") ++e;
        if (e >= s_end) continue;
        src_end = e + 1;
        a.source = mentions_->AddSourcePhrase(cue_last, src_end);
        // Only a clause of its own before or after: not "slid in the polls
        // behind X" inside a longer clause.
        if (src_end < s_end && !t_.IsPunct(src_end, ',') && !t_.IsPunct(src_end, '.') && c != s_first) continue;
      } else {
        a.source = AccordingToSource(cue_last, s_end, &src_end);
      }
      if (a.source < 0) continue;
      int lead = s_first;
      while (lead < c && t_.IsWord(lead) && IsClauseOpener(t_.Lower(lead))) ++lead;
      if (lead == c) {
        // "According to X, CONTENT."
        int k = src_end;
        while (k < s_end && !t_.IsPunct(k, ',')) ++k;
        content_first = k + 1;
        content_last = ContentEnd(content_first, s_end, false);
      } else {
        // "CONTENT, according to X." and "Since November, according to
        // X, forces have killed ...": the statement on both sides.
        content_first = s_first;
        content_last = c;
        // Not over another frame: '"It is a scandal," said Haug, whose
        // party trails in the polls' is no finding of the polls'.
        if (form == &InPollForm() && std::any_of(cue_used_.begin() + s_first, cue_used_.begin() + c,
                                                 [](auto used) { return used != 0; })) {
          continue;
        }
        // Not a clause of the writer's: ", sparking ...", ", which ...".
        std::string_view next = src_end + 1 < s_end && t_.IsWord(src_end + 1) ? t_.Lower(src_end + 1) : "";
        bool writers = next.ends_with("ing") || next == "which" || next == "who" || next == "and" ||
                       next == "but" || next == "while" || next == "as";
        // Only a short opening ("Since November", "His criticism") waits
        // for the rest; after a whole clause the comma opens an appositive
        // of the source or the writer's own words.
        bool short_opening = c - s_first <= 7;
        if (short_opening && src_end + 1 < s_end && t_.IsPunct(src_end, ',') && !InQuote(src_end + 1) && !writers) {
          tail = {src_end + 1, ContentEnd(src_end + 1, s_end, false)};
          while (tail.last > tail.first && t_[tail.last - 1].kind == TokenKind::kPunct && !InQuote(tail.last - 1)) {
            --tail.last;
          }
        }
      }
    } else if (form->participle || ModelParticiple(c) || OpensSentence(c, s_first)) {
      int subject = ParticipleSubject(c, s_first);
      if (subject < 0) continue;
      a.source = subject;
      if (!ParseAfterCue(c, cue_last, s_end, &a, &content_first)) continue;
      // "Ortiz, writing on Facebook, said ...": the phrase closes before
      // the main verb, which is no content of it.
      if (content_first < s_end && facts_.cue_len[content_first] > 0 &&
          !facts_.cue_form[content_first]->participle && t_.IsPunct(content_first - 1, ',')) continue;
      content_last = ContentEnd(content_first, s_end, false);
      // "Trump, writing on Twitter, said ...": a model cue's phrase between
      // the subject's commas, before the main verb, says nothing itself.
      if (!form->participle && content_last + 1 < s_end && t_.IsPunct(content_last, ',') &&
          facts_.cue_len[content_last + 1] > 0 && !facts_.cue_form[content_last + 1]->participle) {
        continue;
      }
    } else if (PassiveAgent(c, cue_last, s_end, &a.source, &a.content, &tail)) {
      // "He was recommended for the job by Roger Stone": the agent of a
      // passive cue is the source; the subject and the words up to "by"
      // are what it said.
      content_first = a.content.first;
      content_last = a.content.last;
    } else {
      int after = cue_last;
      bool inverted = false;
      // "CONTENT, said DeSantis, who was elected ...", "CONTENT, said Larry
      // Sabato, director of ...": after a comma, a verb followed by a name (a
      // capitalised word) that ends the sentence or opens an appositive is
      // inverted; the words left of the comma are the statement, not its
      // source.
      if (c - 1 > s_first && t_.IsPunct(c - 1, ',') && !(form->flags & kCueTakesObject)) {
        int src_end = -1;
        int right = SourceRightOf(cue_last, s_end, &src_end);
        if (right >= 0 && mentions_->mention(right).first == cue_last && t_.Lower(cue_last) != "that" &&
            (mentions_->mention(right).kind == MentionKind::kName ||
             mentions_->mention(right).kind == MentionKind::kSurname || t_[cue_last].Is(kCapitalized)) &&
            (src_end >= s_end || t_.IsPunct(src_end, ',') || t_.IsPunct(src_end, '.'))) {
          a.source = right;
          after = src_end;
          inverted = true;
        }
      }
      if (!inverted) a.source = SourceLeftOf(c);
      if (a.source < 0) {
        // "..., said Rutte", "Said Dorothy Poynter, ...": the source follows
        // its verb only after a comma, a quotation or at a sentence start.
        bool inverted_slot = c == s_first || t_.IsPunct(c - 1, ',') || t_[c - 1].kind == TokenKind::kQuote ||
                             t_.Surface(c - 1) == "\xE2\x80\x94";
        if (!inverted_slot) continue;
        int src_end = -1;
        a.source = SourceRightOf(cue_last, s_end, &src_end);
        if (a.source < 0) continue;
        // "..., said the election would come up": a verb after the phrase
        // makes it the subject of the content, not an inverted speaker.
        if (src_end < s_end && t_.IsWord(src_end) && (IsAuxiliary(t_.Lower(src_end)) || IsBeForm(t_.Lower(src_end)))) {
          continue;
        }
        after = src_end;
        inverted = true;
      }
      if (!ParseAfterCue(c, after, s_end, &a, &content_first)) continue;
      content_last = ContentEnd(content_first, s_end, (form->flags & kCueTakesOf) != 0);
      // "Donald Trump - who previously said he would ... - won": a source
      // after a dash opens an aside that the next dash closes.
      if (!inverted && a.source >= 0) {
        int before = mentions_->mention(a.source).first - 1;
        if (before > s_first && IsDash(t_, before)) {
          for (int x = content_first; x < content_last; ++x) {
            if (IsDash(t_, x)) {
              content_last = x;
              break;
            }
          }
        }
      }
      bool forward = false;
      // "..., said RoseAnn DeMoro, executive director of ...": after an
      // inverted source comes an appositive, not the statement.
      if (inverted && c - 1 > s_first && t_.IsPunct(c - 1, ',')) content_last = content_first;
      for (int x = content_first; x < content_last; ++x) {
        if (t_.IsWord(x) || t_[x].kind == TokenKind::kQuote || t_[x].kind == TokenKind::kNumber) { forward = true; break; }
      }
      // "O'Malley said, according to the Las Vegas Sun": another frame, not
      // the statement.
      if (forward && facts_.cue_len[content_first] > 0 &&
          facts_.cue_form[content_first]->category == CueCategory::kSource) forward = false;
      // "..., Reuters reported, citing two aides": a participle after the
      // frame's comma is a frame of its own.
      if (forward && content_first > c && t_.IsPunct(content_first - 1, ',') && facts_.cue_len[content_first] > 0 &&
          facts_.cue_form[content_first]->participle) forward = false;
      // "CONTENT, Obama told his advisers as he launched ...": after a frame
      // that follows a comma, "as", "when" or "while" opens its
      // circumstance, not the statement.
      if (forward && !inverted && a.complementizer < 0 && t_.IsWord(content_first)) {
        std::string_view w = t_.Lower(content_first);
        int frame_first = mentions_->mention(a.source).first;
        // Only before a clause's subject: not "as many as", "as a result".
        int m = content_first + 1 < s_end ? mentions_->StartingAt(content_first + 1) : -1;
        bool subject_next = m >= 0 && (mentions_->mention(m).kind == MentionKind::kPronoun ||
                                       mentions_->mention(m).kind == MentionKind::kName ||
                                       mentions_->mention(m).kind == MentionKind::kSurname);
        if ((w == "as" || w == "when" || w == "while") && subject_next && frame_first - 1 > s_first + 2 &&
            t_.IsPunct(frame_first - 1, ',') && !t_.IsPunct(content_first - 1, ',')) {
          forward = false;
        }
      }
      if (!forward) {
        // "CONTENT, Rutte said." / "CONTENT, said Rutte."
        int frame_first = inverted ? c : mentions_->mention(a.source).first;
        if (!inverted && frame_first - 1 > s_first && t_.IsWord(frame_first - 1)) {
          // "..., frontman Anthony Kiedis revealed.": a title or description
          // before the name belongs to the frame.
          // "UMWA Director of Government Affairs Phil Smith told": "of"
          // between capitalised words is inside the title.
          auto title_of = [&](int x) {
            return t_.Lower(x) == "of" && x - 1 > s_first && t_[x - 1].Is(kCapitalized) && t_[x + 1].Is(kCapitalized);
          };
          int np = frame_first;
          while (np - 1 > s_first && frame_first - np < 7 && (t_.IsWord(np - 1) || t_[np - 1].Is(kPossessive)) &&
                 !InQuote(np - 1) && facts_.cue_len[np - 1] == 0 &&
                 ((!IsFunctionWord(t_.Lower(np - 1)) && !IsPreposition(t_.Lower(np - 1))) || title_of(np - 1)) &&
                 !IsClauseOpener(t_.Lower(np - 1))) {
            --np;
          }
          if (np > s_first && np < frame_first && (t_.IsPunct(np - 1, ',') || t_.Surface(np - 1) == "\xE2\x80\x94")) {
            frame_first = np;
          }
        }
        // "..., as David Dayen noted.": the frame opens with "as".
        if (!inverted && frame_first - 2 > s_first && t_.IsWord(frame_first - 1) && t_.Lower(frame_first - 1) == "as" &&
            t_.IsPunct(frame_first - 2, ',')) {
          --frame_first;
        }
        if (frame_first - 1 <= s_first || !(t_.IsPunct(frame_first - 1, ',') || t_.Surface(frame_first - 1) == "\xE2\x80\x94")) continue;
        content_first = s_first;
        content_last = frame_first - 1;
        if (facts_.quote_of_token[content_first] >= 0 &&
            quote_attribution_[facts_.quote_of_token[content_first]] >= 0) continue;
      }
    }
    // Trim edges: punctuation outside quotations, and a final period.
    while (content_first < content_last && t_[content_first].kind == TokenKind::kPunct &&
           facts_.quote_of_token[content_first] < 0) ++content_first;
    // Closing brackets and percent signs belong to the words before them.
    while (content_last > content_first && t_[content_last - 1].kind == TokenKind::kPunct &&
           facts_.quote_of_token[content_last - 1] < 0 && !t_.IsPunct(content_last - 1, ')') &&
           !t_.IsPunct(content_last - 1, '%') && !t_.IsPunct(content_last - 1, ']')) --content_last;
    int words = 0;
    for (int x = content_first; x < content_last && words < 1; ++x) words += t_.IsWord(x) || t_[x].kind == TokenKind::kNumber;
    if (words == 0) continue;
    a.content = {content_first, content_last};
    bool tail_words = false;
    for (int x = tail.first; x < tail.last && !tail_words; ++x) tail_words = t_.IsWord(x);
    if (tail_words) {
      a.parts = {a.content, tail};
      a.content.last = tail.last;
    }
    Classify(&a);
    // Indirect content keeps its "that" ("said that X"); a direct quote is
    // the quotation alone.
    if (a.type != FoundAttribution::Type::kDirect && a.complementizer >= 0 && a.complementizer == content_first - 1) {
      a.content.first = a.complementizer;
    }
    // "In the long run, many economists say, this effect could ...": the
    // statement runs on both sides of a parenthetical attribution.
    if (form->category != CueCategory::kSource && !form->participle && a.source >= 0) {
      int frame_first = std::min(mentions_->mention(a.source).first, c);
      int frame_last = std::max(mentions_->mention(a.source).last, cue_last);
      bool comma_before = frame_first - 1 > s_first && t_.IsPunct(frame_first - 1, ',');
      int after_frame = frame_last < s_end ? SkipAdverbials(frame_last, s_end, nullptr) : s_end;
      bool comma_after = after_frame < s_end && t_.IsPunct(after_frame, ',');
      if (comma_before && comma_after && content_first > frame_last && facts_.quote_of_token[s_first] < 0) {
        int prefix_first = s_first;
        int prefix_last = frame_first - 1;
        if (prefix_last - prefix_first >= 1) {
          a.parts = {{prefix_first, prefix_last}, {a.content.first, a.content.last}};
          a.content.first = prefix_first;
        }
      }
    }
    // "The White House is expected to sign the measure", "Trump seemed
    // fixated on China": nobody is quoted; the writer reports an appearance
    // or an expectation. The subject belongs to the content, which has no
    // source.
    // "She seemed to recognize ...", "He appeared to make a joke": an act
    // after "to" keeps its source; "seems to be", "appears to have" do not.
    // "The Times is expected to endorse X": a reporting verb after "to"
    // makes the statement the subject's.
    bool verb_after = false;
    int to = a.content.first + 1 < a.content.last && t_.IsWord(a.content.first) && t_.Lower(a.content.first) == "to"
                 ? a.content.first
                 : (cue_last + 1 < n && t_.IsWord(cue_last) && t_.Lower(cue_last) == "to" ? cue_last : -1);
    if (to >= 0 && to + 1 < n && t_.IsWord(to + 1)) {
      std::string_view v = t_.Lower(to + 1);
      if (form->lemma == "seem" || form->lemma == "appear") {
        verb_after = !(IsBeForm(v) || v == "have" || v == "has");
      } else {
        verb_after = facts_.cue_len[to + 1] > 0 && facts_.cue_form[to + 1]->category == CueCategory::kSpeech;
      }
    }
    if (a.source >= 0 && a.parts.empty() && !verb_after && IsRaisingCue(c, cue_last)) {
      const MentionInfo& subject = mentions_->mention(a.source);
      if (subject.last <= c) {
        // "It appears that ...": the expletive subject names nothing.
        bool expletive = subject.last - subject.first == 1 && t_.Lower(subject.first) == "it";
        if (!expletive) {
          a.parts = {{subject.first, subject.last}, {a.content.first, a.content.last}};
          a.content.first = subject.first;
        }
        a.source = -1;
      }
    }
    // "Mr. Sanders is seen as the favorite", "Perez has also been mentioned
    // as a candidate": the passive with "as" and no agent reports how the
    // subject is regarded; as with "is expected to", the subject and the
    // words after the cue are the statement, which has no source.
    if (a.source >= 0 && a.parts.empty() && a.content.first < n && t_.IsWord(a.content.first) &&
        t_.Lower(a.content.first) == "as" && a.content.first >= cue_last && a.content.first - cue_last <= 3) {
      int b = BeFormBefore(c);
      std::string_view v = t_.Lower(c);
      bool participle = v.ends_with("ed") || v.ends_with("en") || v == "held" || v == "thought";
      const MentionInfo& subject = mentions_->mention(a.source);
      if (participle && b >= 0 && subject.last <= b) {
        a.parts = {{subject.first, subject.last}, {a.content.first, a.content.last}};
        a.content.first = subject.first;
        a.source = -1;
      }
    }
    // "Sanders was asked to name ...", "Trump has been asked what ...": the
    // passive "asked" with no agent after it; the subject is whom the
    // question was put to, the asker is not named. Content with "to" takes
    // the subject in, as with "is expected to" (train, gold cue "was asked":
    // 19 without a source, 4 with one).
    int asked = c;  // "was asked", "asked about".
    while (asked < cue_last && t_.Lower(asked) != "asked") ++asked;
    if (a.source >= 0 && a.parts.empty() && c > 0 && asked < cue_last) {
      // The be-form opens the cue ("was asked") or stands before it,
      // perhaps with adverbs between ("has also been asked").
      int b = BeFormBefore(asked);
      const MentionInfo& subject = mentions_->mention(a.source);
      if (b >= 0 && t_.Lower(b) != "being" && subject.last <= std::min(b, c)) {
        if (subject.kind != MentionKind::kPronoun) {
          a.addressee = subject.entity >= 0 ? mentions_->entity(subject.entity).name : PhraseText(subject.first, subject.last);
        }
        if (t_.IsWord(a.content.first) && t_.Lower(a.content.first) == "to" && a.content.first == cue_last) {
          a.parts = {{subject.first, subject.last}, {a.content.first, a.content.last}};
          a.content.first = subject.first;
        }
        a.source = -1;
      }
    }
    cue_used_[c] = 1;
    SetSpeaker(&a);
    found_.push_back(a);
  }
}

int Attributor::BeFormBefore(int x) const {
  int b = x - 1;
  while (b > 0 && t_.IsWord(b) && (t_.Lower(b).ends_with("ly") || IsVerbModifier(t_.Lower(b))) &&
         !IsBeForm(t_.Lower(b)) && x - b < 4) --b;
  return b >= 0 && t_.IsWord(b) && IsBeForm(t_.Lower(b)) ? b : -1;
}

bool Attributor::IsRaisingCue(int c, int cue_last) const {
  const CueForm* form = facts_.cue_form[c];
  if (form->lemma == "seem" || form->lemma == "appear") return true;
  // The passive with "to": "is expected to", "is widely expected to", "was
  // thought to", "are said to", "was favored to win".
  static const std::string_view kPassive[] = {"expect", "think", "believe", "say",     "consider",
                                              "report", "know",  "favor",   "predict", "project"};
  bool passive = BeFormBefore(c) >= 0 && cue_last < t_.size() && t_.IsWord(cue_last) && t_.Lower(cue_last) == "to";
  for (std::string_view l : kPassive) {
    if (passive && form->lemma == l) return true;
  }
  return false;
}

void Attributor::AttributeContinuations() {
  // Positions where each found attribution ends, to find the one before a quote.
  std::vector<std::pair<int, int>> ends;  // (end token, index)
  for (int i = 0; i < static_cast<int>(found_.size()); ++i) {
    const FoundAttribution& a = found_[i];
    int end = std::max(a.content.last, a.cue.last);
    if (a.source >= 0) end = std::max(end, mentions_->mention(a.source).last);
    ends.emplace_back(end, i);
  }
  std::sort(ends.begin(), ends.end());
  std::vector<char> covered(quotes_.size(), 0);
  for (const FoundAttribution& a : found_) {
    for (int k = a.content.first; k < a.content.last; ++k) {
      int q = facts_.quote_of_token[k];
      if (q >= 0) covered[q] = 1;
    }
  }
  for (int q = 0; q < static_cast<int>(quotes_.size()); ++q) {
    if (quote_attribution_[q] >= 0 || covered[q]) continue;
    const QuotedSpan& s = quotes_[q];
    const Token& open = t_[s.open];
    if (!open.Is(kSentenceStart) && !open.Is(kParagraphStart)) continue;
    int words = 0;
    for (int k = s.first_inner(); k < s.last_inner() && words < 3; ++k) words += t_.IsWord(k);
    if (words < 3) continue;
    // The nearest attribution that ends before the quote.
    auto it = std::lower_bound(ends.begin(), ends.end(), std::make_pair(s.open + 1, -1));
    if (it == ends.begin()) continue;
    --it;
    // '“...,” Stenberg said as she accepted her award. “...”': a statement
    // inside the quote's frame sentence does not end the quote; the direct
    // quote that sentence frames goes on.
    if (s.open > 0) {
      int frame_sentence = t_[s.open - 1].sentence;
      for (auto back = it; found_[back->second].type != FoundAttribution::Type::kDirect &&
                           t_[back->first - 1].sentence == frame_sentence && back != ends.begin();) {
        --back;
        const FoundAttribution& b = found_[back->second];
        if (b.type == FoundAttribution::Type::kDirect && !b.cue.empty() && t_[b.cue.first].sentence == frame_sentence) {
          it = back;
          break;
        }
      }
    }
    // "Lopez added that the council wants to settle. “...”": the statement
    // reported inside another is not the one the quotation goes on with.
    for (int b = 0; b < static_cast<int>(found_.size()); ++b) {
      const FoundAttribution& inner = found_[it->second];
      const FoundAttribution& outer = found_[b];
      if (b == it->second || inner.type == FoundAttribution::Type::kDirect || inner.cue.empty() ||
          outer.source < 0 || outer.content.first > inner.cue.first || inner.cue.last > outer.content.last) {
        continue;
      }
      auto at = std::find(ends.begin(), ends.end(), std::make_pair(std::max({outer.content.last, outer.cue.last,
                                                                             mentions_->mention(outer.source).last}),
                                                                   b));
      if (at != ends.end()) it = at;
      break;
    }
    const FoundAttribution& prev = found_[it->second];
    int prev_end = it->first;
    // Single marks continue only a quotation in single marks ("'We will
    // not be bullied,' she told MPs. 'Nobody should doubt ...'"); elsewhere
    // they set off scare quotes and titles.
    if (s.single) {
      int pq = facts_.quote_of_token[prev.content.first];
      if (prev.type != FoundAttribution::Type::kDirect || pq < 0 || !quotes_[pq].single) continue;
    }
    int para_gap = open.paragraph - t_[prev_end - 1].paragraph;
    // A source that names no one ("said the senior adviser") continues only
    // within its own paragraph, as the next part of its direct quote.
    if (prev.speaker < 0 && (prev.source < 0 || para_gap != 0 || prev.type != FoundAttribution::Type::kDirect))
      continue;
    if (para_gap > 1) continue;
    if (para_gap == 1 && prev.type == FoundAttribution::Type::kIndirect) continue;
    // Another person named in between breaks the chain, unless the name
    // belongs to the frame's own sentence: '"...," Kaine told CNN. "..."'
    // keeps going, as does '... when asked if he had met Trump. "..."'.
    int frame_sentence = t_[prev_end - 1].sentence;
    bool other = false;
    for (int k = prev_end; k < s.open && !other; ++k) {
      if (t_[k].sentence == frame_sentence) continue;
      int m = mentions_->StartingAt(k);
      if (m >= 0 && !mentions_->mention(m).in_quote && mentions_->mention(m).entity >= 0 &&
          mentions_->mention(m).entity != prev.speaker) other = true;
    }
    if (other) continue;
    // "...," he said. "...": in the same paragraph the next quotation
    // continues the same statement, so it becomes its next part.
    int prev_index = it->second;
    // A quoted paragraph right after a directly quoted one continues it too.
    bool whole_paragraph = t_[s.open].Is(kParagraphStart) &&
                           (s.close + 1 >= t_.size() || t_[s.close + 1].paragraph != t_[s.close].paragraph);
    bool quoted_prev = prev.type == FoundAttribution::Type::kDirect ||
                       (para_gap == 0 && prev.type == FoundAttribution::Type::kMixed);
    if ((para_gap == 0 || (para_gap == 1 && whole_paragraph)) && quoted_prev && !prev.continuation &&
        !s.multi_paragraph) {
      FoundAttribution& target = found_[prev_index];
      if (target.parts.empty()) target.parts.push_back(target.content);
      target.parts.push_back({s.open, s.last_inner() + (s.closed ? 1 : 0)});
      target.content.last = target.parts.back().last;
      quote_attribution_[q] = prev_index;
      int new_end = target.content.last;
      ends.erase(it);
      ends.insert(std::upper_bound(ends.begin(), ends.end(), std::make_pair(new_end, prev_index)),
                  std::make_pair(new_end, prev_index));
      continue;
    }
    FoundAttribution a;
    a.type = FoundAttribution::Type::kDirect;
    a.content = {s.open, s.last_inner() + (s.closed ? 1 : 0)};
    a.speaker = prev.speaker;
    // PolNeAR marks the earlier mention that names the speaker as the
    // source of a quotation that continues a statement.
    a.source = prev.source;
    a.continuation = true;
    a.category = prev.category;
    quote_attribution_[q] = static_cast<int>(found_.size());
    found_.push_back(a);
    ends.insert(std::upper_bound(ends.begin(), ends.end(), std::make_pair(a.content.last, q)),
                std::make_pair(a.content.last, static_cast<int>(found_.size()) - 1));
  }
}

// "Jeffrey M. Jones: “Gallup's analysis ...”", "Pence: Flowers Won't Be at
// Debate", and "Clinton released the following statement:" before a quoted
// paragraph: a colon introduces what the named source said.
void Attributor::AttributeColons() {
  const int n = t_.size();
  for (int c = 1; c + 1 < n; ++c) {
    if (!t_.IsPunct(c, ':') || InQuote(c)) continue;
    int s_first = SentenceFirst(c);
    FoundAttribution a;
    int next = c + 1;
    bool paragraph_end = t_[next].paragraph != t_[c].paragraph;
    int m = mentions_->EndingAt(c - 1);
    if (paragraph_end) {
      // An introduction: the quotation in the next paragraph is the statement.
      int q = facts_.quote_of_token[next];
      if (q < 0 || quotes_[q].open != next || quote_attribution_[q] >= 0) continue;
      // "When Wallace died in 1998, President Clinton released the
      // following statement:": the main clause's subject.
      int subject = m >= 0 ? m : SubjectMention(SkipOpeningPhrases(s_first, c), c);
      if (subject < 0) subject = SubjectMention(s_first, c);
      if (subject < 0) continue;
      a.source = subject;
      int cue_first = std::max(mentions_->mention(subject).last, s_first);
      a.cue = cue_first < c && c - cue_first <= 8 ? TokenRange{cue_first, c + 1} : TokenRange{c, c + 1};
      a.type = FoundAttribution::Type::kDirect;
      a.content = {quotes_[q].open, quotes_[q].last_inner() + (quotes_[q].closed ? 1 : 0)};
      quote_attribution_[q] = static_cast<int>(found_.size());
    } else {
      // A source named at the start of the sentence, then the colon.
      bool at_start = m >= 0 && (mentions_->mention(m).first == s_first ||
                                 (mentions_->mention(m).first > s_first &&
                                  t_[mentions_->mention(m).first - 1].kind == TokenKind::kPunct));
      if (m >= 0 && mentions_->mention(m).kind == MentionKind::kPronoun) at_start = false;
      if (!at_start && m < 0 && c - s_first <= 3) {
        bool capitalised = true;
        for (int x = s_first; x < c && capitalised; ++x) capitalised = t_.IsWord(x) && t_[x].Is(kCapitalized);
        if (capitalised && !IsFunctionWord(t_.Lower(s_first))) {
          m = mentions_->AddSourcePhrase(s_first, c);
          at_start = m >= 0;
        }
      }
      if (!at_start) {
        // "Trump leaned in and boomed: “...”", "Article 33 affirms: “...”":
        // a quotation the colon introduces is the statement of the
        // sentence's subject, or of nobody named.
        int q = facts_.quote_of_token[next];
        if (q < 0 || quotes_[q].open != next || quote_attribution_[q] >= 0 || !quotes_[q].closed ||
            c - s_first < 2) {
          continue;
        }
        int words = 0;
        for (int x = quotes_[q].open; x < quotes_[q].close && words < 3; ++x) words += t_.IsWord(x);
        if (words < 3) continue;
        int subject = -1;
        int verb = -1;  // "Singh explained it this way:", "Isaiah 45:1 reads:".
        const int main_first = SkipOpeningPhrases(s_first, c);
        // "Trump on Mexico: ‘...’", "Gillibrand on Releasing the
        // Transcripts: ‘...’": a headline's speaker, "on" and the topic.
        subject = SpeakerOnTopic(s_first, c);
        for (int x = main_first; x < c && verb < 0 && subject < 0; ++x) {
          if (facts_.cue_len[x] > 0 && !cue_used_[x] && !InQuote(x)) verb = x;
        }
        if (verb >= 0 && subject < 0) {
          // "Jeffries reacted to the news, saying: “...”".
          subject = facts_.cue_form[verb]->participle ? ParticipleSubject(verb, s_first) : SourceLeftOf(verb);
          int end = -1;
          if (subject < 0) subject = SourceRightOf(verb + facts_.cue_len[verb], c, &end);
        }
        if (subject < 0) subject = SubjectMention(main_first, c);
        if (subject < 0) subject = SubjectMention(s_first, c);
        if (subject < 0 && t_.IsWord(s_first) && t_.Lower(s_first) == "from") {
          // "From the report: “...”".
          int end = -1;
          subject = SourceRightOf(s_first + 1, c, &end);
        }
        a.source = subject;
        int cue_first = subject >= 0 ? std::max(mentions_->mention(subject).last, s_first) : s_first;
        if (verb >= 0 && (cue_first > verb || subject < 0)) cue_first = verb;
        a.cue = cue_first < c && c - cue_first <= 8 ? TokenRange{cue_first, c + 1} : TokenRange{c, c + 1};
        // The verb now belongs to this statement's cue: no second statement.
        if (verb >= 0 && a.cue.first <= verb) cue_used_[verb] = 1;
        a.type = FoundAttribution::Type::kDirect;
        a.content = {quotes_[q].open, quotes_[q].close + 1};
        quote_attribution_[q] = static_cast<int>(found_.size());
        SetSpeaker(&a);
        found_.push_back(a);
        continue;
      }
      // "Carly Fiorina: What, exactly, ..." and "AP-GfK Poll: Voters ...":
      // headline labels. A colon line counts when it quotes, or when a
      // known person (not a label) speaks, in the headline too ("Elizabeth
      // Warren: Donald Trump Is a ‘Proven Failure’ in Business": train
      // source +0.0004, dev +0.0009).
      const MentionInfo& label = mentions_->mention(m);
      bool person = label.entity >= 0 && !mentions_->entity(label.entity).organization &&
                    label.kind != MentionKind::kGroup;
      bool quoted = facts_.quote_of_token[next] >= 0 && quotes_[facts_.quote_of_token[next]].open == next;
      if (!quoted && !person) continue;
      // 'Trump: ‘I’m the worst thing ...’': the quotation's own pass read
      // the label as its leading attribution already.
      if (quoted && quote_attribution_[facts_.quote_of_token[next]] >= 0) continue;
      int last = ContentEnd(next, SentenceEnd(c), false);
      while (last > next && t_[last - 1].kind == TokenKind::kPunct && !InQuote(last - 1)) --last;
      int words = 0;
      for (int x = next; x < last; ++x) words += t_.IsWord(x);
      if (words < 2) continue;
      a.source = m;
      a.cue = {c, c + 1};
      a.content = {next, last};
      Classify(&a);
      int q = facts_.quote_of_token[next];
      if (q >= 0 && a.type == FoundAttribution::Type::kDirect) quote_attribution_[q] = static_cast<int>(found_.size());
    }
    // The cue model may mark the colon too; its statement is this one.
    cue_used_[c] = 1;
    SetSpeaker(&a);
    found_.push_back(a);
  }
}

// "Asked whether Clinton has the integrity to serve, 75 percent said no",
// "when asked about his daughter's work": the question is a statement with
// no source in its clause (the asker is not named), up to the comma.
void Attributor::AttributeQuestionsAsked() {
  const int n = t_.size();
  for (int c = 0; c < n; ++c) {
    if (!t_.IsWord(c) || t_.Lower(c) != "asked" || InQuote(c) || cue_used_[c]) continue;
    int s_first = SentenceFirst(c);
    std::string_view prev = c > s_first && t_.IsWord(c - 1) ? t_.Lower(c - 1) : std::string_view();
    bool opener = c == s_first || prev == "when" || prev == "if" || prev == "after" || prev == "once" ||
                  (c > s_first && t_.IsPunct(c - 1, ','));
    if (!opener) continue;
    int s_end = SentenceEnd(c);
    // "Asked on Fox News who leads ...": a short phrase before the question.
    int k = c + 1;
    auto question_word = [&](int x) {
      std::string_view w = t_.Lower(x);
      return w == "whether" || w == "if" || w == "about" || w == "who" || w == "what" || w == "why" ||
             w == "how" || w == "which" || w == "where";
    };
    while (k < s_end && k - c <= 8 && t_.IsWord(k) && !question_word(k) && facts_.cue_len[k] == 0) ++k;
    if (k >= s_end || !t_.IsWord(k) || !question_word(k)) continue;
    int first = k;
    int cue_last = c + 1;
    if (t_.Lower(k) == "about") {
      first = k + 1;
      if (k == c + 1) cue_last = k + 1;  // "asked about" is the cue.
    }
    int last = first;
    while (last < s_end && !t_.IsPunct(last, ',')) {
      int q = facts_.quote_of_token[last];
      last = q >= 0 ? quotes_[q].close + 1 : last + 1;
    }
    last = std::min(last, s_end);
    while (last > first && t_[last - 1].kind == TokenKind::kPunct && !InQuote(last - 1)) --last;
    int words = 0;
    for (int x = first; x < last; ++x) words += t_.IsWord(x);
    if (words < 2) continue;
    FoundAttribution a;
    a.cue = {c, cue_last};
    a.content = {first, last};
    a.category = CueCategory::kSpeech;
    // "When asked by a reporter whether ...": the one who asks is named.
    if (c + 2 < first && t_.IsWord(c + 1) && t_.Lower(c + 1) == "by") {
      int end = -1;
      a.source = SourceRightOf(c + 2, first, &end);
      SetSpeaker(&a);
    }
    Classify(&a);
    cue_used_[c] = 1;
    found_.push_back(a);
  }
}

// An interview printed as a transcript. "Q: ..." and "A: ..." paragraphs
// (or "Question:" / "Answer:"), or a conversation of speaker labels in
// capitals ("TAPPER: ...", "FALLIN: ..."). Each answer or labelled turn is a
// direct statement of the one who speaks it: for "A:" the interviewee, the
// person the introduction names most often before the first turn; for a
// label, the person of that surname. A question is a statement put to the
// interviewee. Inside a turn, the statements found so far whose source is
// "I" (or, in a question, "you") get the turn's speaker, so "I think ..."
// in an answer is the interviewee's.
void Attributor::AttributeTranscript() {
  struct Turn {
    int label = 0, colon = 0, first = 0, last = 0;
    char kind = 0;  // 'q', 'a', or 'n' for a named label.
    std::string name;
  };
  const int n = t_.size();
  std::vector<Turn> turns;
  for (int i = 0; i < n; ++i) {
    if (!t_[i].Is(kParagraphStart) || !t_.IsWord(i) || InQuote(i)) continue;
    int c = i;
    while (c < n && c - i < 3 && t_.IsWord(c) && t_[c].paragraph == t_[i].paragraph) ++c;
    if (c == i || c + 1 >= n || !t_.IsPunct(c, ':') || t_[c + 1].paragraph != t_[i].paragraph) continue;
    Turn turn;
    std::string_view w = t_.Surface(i);
    if (c == i + 1 && (w == "Q" || w == "Question")) {
      turn.kind = 'q';
    } else if (c == i + 1 && (w == "A" || w == "Answer")) {
      turn.kind = 'a';
    } else {
      static const std::string_view kNotSpeakers[] = {
          "update", "updated", "byline", "note",   "editor", "correction", "clarification", "watch", "read",
          "related", "photos", "photo",  "video", "breaking", "exclusive", "busted", "source", "sources",
          "credit", "disclaimer", "warning", "alert", "live", "more", "also", "see", "transcript", "editors"};
      bool label = true;
      for (int x = i; x < c && label; ++x) label = t_[x].Is(kAllCaps) && t_.Surface(x).size() >= 2;
      for (std::string_view stop : kNotSpeakers) label = label && t_.Lower(i) != stop;
      if (!label) continue;
      turn.kind = 'n';
      turn.name = PhraseText(i, c);
    }
    turn.label = i;
    turn.colon = c;
    turn.first = c + 1;
    int last = c + 1;
    while (last < n && t_[last].paragraph == t_[c].paragraph) ++last;
    while (last > turn.first && t_[last - 1].kind == TokenKind::kPunct && !InQuote(last - 1)) --last;
    turn.last = last;
    if (turn.last - turn.first >= 1) turns.push_back(turn);
  }
  int questions = 0, answers = 0;
  std::vector<std::string> labels;
  for (const Turn& turn : turns) {
    questions += turn.kind == 'q';
    answers += turn.kind == 'a';
    // "NORA FENN" and "FENN" are one voice.
    std::string voice = turn.kind == 'n' ? std::string(t_.Surface(turn.colon - 1)) : std::string();
    if (turn.kind == 'n' && std::find(labels.begin(), labels.end(), voice) == labels.end()) labels.push_back(voice);
  }
  bool interview = questions > 0 && answers > 0;
  // A conversation has two voices at least, and one of them speaks twice
  // or is someone the article names; a lone "UPDATE:" is not one.
  auto person_named = [&](const std::string& label) {
    const std::string lower_label = AsciiLower(label);
    for (int e = 0; e < static_cast<int>(mentions_->entities().size()); ++e) {
      const EntityInfo& info = mentions_->entity(e);
      if (info.organization || info.surname.empty()) continue;
      const std::string surname = AsciiLower(info.surname);
      if (surname == lower_label || lower_label.ends_with(" " + surname)) return e;
    }
    return -1;
  };
  bool conversation = labels.size() >= 2;
  if (conversation) {
    int named = 0, turns_named = 0;
    for (const std::string& l : labels) named += person_named(l) >= 0;
    for (const Turn& turn : turns) turns_named += turn.kind == 'n';
    conversation = named > 0 || turns_named > static_cast<int>(labels.size());
  }
  if (!interview && !conversation) return;
  // The interviewee: the person named most often before the first turn.
  int interviewee = -1;
  if (interview) {
    int first_turn = n;
    for (const Turn& turn : turns) {
      if (turn.kind != 'n') first_turn = std::min(first_turn, turn.label);
    }
    std::vector<int> count(mentions_->entities().size(), 0);
    for (const MentionInfo& m : mentions_->mentions()) {
      if (m.first >= first_turn || m.entity < 0 || m.in_quote || mentions_->entity(m.entity).organization) continue;
      if (++count[m.entity] > (interviewee >= 0 ? count[interviewee] : 0)) interviewee = m.entity;
    }
  }
  const size_t before = found_.size();
  for (const Turn& turn : turns) {
    if (turn.kind == 'n' ? !conversation : !interview) continue;
    // The colon rule may have read the turn's first sentence already
    // ("Mark Rutte: ...", or "A" taken for a name): the turn replaces it.
    FoundAttribution* a = nullptr;
    for (size_t k = 0; k < before && a == nullptr; ++k) {
      const FoundAttribution& b = found_[k];
      if (!b.cue.empty() && b.cue.first <= turn.colon && turn.colon < b.cue.last) a = &found_[k];
    }
    if (a == nullptr) {
      found_.emplace_back();
      a = &found_.back();
    }
    a->type = FoundAttribution::Type::kDirect;
    a->content = {turn.first, turn.last};
    a->parts.clear();
    a->category = CueCategory::kSpeech;
    if (turn.kind == 'n') {
      // The label is a person's name in capitals: the person of that
      // surname, or a new one ("KATE BOULDUAN" is Kate Boulduan, and a
      // later "BOULDUAN:" is her too), not an organisation.
      a->cue = {turn.colon, turn.colon + 1};
      if (a->speaker < 0 || mentions_->entity(a->speaker).organization) {
        a->source = mentions_->AddPersonLabel(turn.label, turn.colon, person_named(turn.name));
        a->speaker = mentions_->mention(a->source).entity;
      }
      mentions_->TitleCaseName(a->speaker);
    } else {
      a->cue = {turn.label, turn.colon + 1};
      a->source = -1;
      a->speaker = turn.kind == 'a' ? interviewee : -1;
      if (turn.kind == 'q' && interviewee >= 0) a->addressee = mentions_->entity(interviewee).name;
    }
    cue_used_[turn.colon] = 1;
  }
  // "I" in an answer, "you" in a question.
  for (size_t k = 0; k < before; ++k) {
    FoundAttribution& a = found_[k];
    if (a.source < 0 || a.speaker >= 0) continue;
    const MentionInfo& m = mentions_->mention(a.source);
    if (m.last - m.first != 1) continue;
    std::string_view w = t_.Lower(m.first);
    bool i_form = w == "i" || w.starts_with("i'") || w.starts_with("i\xE2\x80\x99");
    bool you = w == "you" || w.starts_with("you'") || w.starts_with("you\xE2\x80\x99");
    for (const Turn& turn : turns) {
      if (m.first < turn.first || m.first >= turn.last) continue;
      if (turn.kind == 'a' && i_form && interview) a.speaker = interviewee;
      if (turn.kind == 'q' && you && interview) a.speaker = interviewee;
      if (turn.kind == 'n' && i_form && conversation) a.speaker = person_named(turn.name);
      break;
    }
  }
}

void SortInTextOrder(std::vector<FoundAttribution>* found) {
  std::stable_sort(found->begin(), found->end(), [](const FoundAttribution& a, const FoundAttribution& b) {
    if (a.content.first != b.content.first) return a.content.first < b.content.first;
    return a.content.last > b.content.last;
  });
}

std::vector<FoundAttribution> Attributor::Run() {
  AttributeDirectQuotes();
  AttributeColons();
  AttributeCues();
  AttributeContinuations();
  AttributeQuestionsAsked();
  AttributeTranscript();
  // "WASHINGTON (Reuters) - The Senate passed the bill, Reuters reported":
  // a dateline that opens the paragraph is no part of the statement.
  for (FoundAttribution& a : found_) {
    int after = DatelineEnd(t_, a.content.first);
    if (after > 0 && after < a.content.last && (a.parts.empty() || after < a.parts[0].last)) {
      a.content.first = after;
      if (!a.parts.empty()) a.parts[0].first = after;
    }
  }
  // "On Monday, Haug said ...": a time that opens the sentence before its
  // frame dates the statement that follows the cue.
  for (FoundAttribution& a : found_) {
    if (a.time >= 0 || a.cue.empty() || a.content.first < a.cue.last) continue;
    int s_first = SentenceFirst(a.cue.first);
    int te = facts_.time_at[s_first];
    if (te >= 0 && times_[te].last < a.cue.first && t_.IsPunct(times_[te].last, ',')) a.time = te;
  }
  SortInTextOrder(&found_);
  return found_;
}

}  // namespace whosaid::internal
