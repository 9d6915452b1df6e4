// Finds attributed statements: direct quotes with their cue and source,
// partial and mixed quotes, indirect speech ("X said that ...", "according
// to X", "..., saying ..."), and uncued quotes that continue a speaker.
// Works on token ranges; attribute.cc turns the result into public Quotes.
// One Attributor per article; not thread-safe.
#ifndef WHOSAID_ATTRIBUTION_ATTRIBUTOR_H_
#define WHOSAID_ATTRIBUTION_ATTRIBUTOR_H_

#include <string>
#include <utility>
#include <vector>

#include "src/attribution/lexicons.h"
#include "src/attribution/mentions.h"
#include "src/attribution/quotes.h"
#include "src/attribution/temporal.h"
#include "src/attribution/tokenizer.h"

namespace whosaid::internal {

struct TokenRange {
  int first = 0;  // [first, last)
  int last = 0;
  bool empty() const { return last <= first; }
  bool operator==(const TokenRange&) const = default;
};

struct FoundAttribution {
  enum class Type { kDirect, kMixed, kIndirect } type = Type::kIndirect;
  TokenRange content;
  std::vector<TokenRange> parts;  // Set when the content is discontinuous.
  TokenRange cue;                 // Empty when there is none.
  int source = -1;                // Mention id, or -1.
  int speaker = -1;               // Entity id, or -1.
  std::string addressee;          // Canonical name or phrase, "" when none.
  int time = -1;                  // Index into time expressions, or -1.
  bool continuation = false;      // An uncued quote continuing a speaker.
  int complementizer = -1;        // The "that" opening indirect content, or -1.
  CueCategory category = CueCategory::kSpeech;
};

// The per-token facts the stages share.
struct TokenFacts {
  std::vector<int> quote_of_token;  // Quoted span index, or -1.
  std::vector<uint8_t> cue_len;     // Length of a cue starting here, or 0.
  std::vector<const CueForm*> cue_form;
  std::vector<int> time_at;         // Time expression starting here, or -1.
};

// Fills facts.cue_len / cue_form for tokens outside quotations where a cue
// reads as a reporting verb in context.
void MarkCues(const TokenizedText& text, TokenFacts* facts);

// Sorts attributions by where their content starts, a container before
// what it contains.
void SortInTextOrder(std::vector<FoundAttribution>* found);

class Attributor {
 public:
  Attributor(const TokenizedText& text, const std::vector<QuotedSpan>& quotes,
             const std::vector<TimeExpression>& times, const TokenFacts& facts,
             MentionTable* mentions);
  // Returns the attributions in text order.
  std::vector<FoundAttribution> Run();

 private:
  struct Frame;  // A source + cue + bridge, as parsed around a cue.
  void AttributeDirectQuotes();
  bool IsWorkTitle(int q) const;
  bool TrailingAttribution(int q, FoundAttribution* out);
  // '“...” ― Steve Quinlan': a quotation signed with a dash and a name.
  bool SignedQuote(int q, FoundAttribution* out);
  bool LeadingAttribution(int q, FoundAttribution* out);
  void AttributeCues();
  void AttributeContinuations();
  void AttributeQuestionsAsked();
  // Interview transcripts: "Q: ..." / "A: ..." paragraphs, or speaker
  // labels in capitals ("TAPPER: ...").
  void AttributeTranscript();
  // True for the cue at [c, cue_last) when it reports an appearance or an
  // expectation rather than anyone's words: "seems", "appeared", "is
  // expected to".
  bool IsRaisingCue(int c, int cue_last) const;
  // The be-form before token x ("is", "was", "has been"), with up to two
  // adverbs or auxiliaries between ("is widely", "has also been"), or -1.
  int BeFormBefore(int x) const;
  void AttributeColons();
  bool ParseAfterCue(int cue_first, int cue_last, int limit, FoundAttribution* a, int* content_first);
  int SourceLeftOf(int cue_first);
  // Returns the relative pronoun ("who", "which") that is the subject of
  // the cue at cue_first across an adverbial phrase, or -1.
  int RelativePronounBefore(int cue_first, int s_first) const;
  // The mention of a whole subject whose noun phrase [first, last) is the
  // object of a preposition in it ("A lawyer for [Mr. Trump]"), or -1.
  int HeadOfObject(int first, int last, int sentence_first);
  // Returns the preposition that makes mention m an object ("speaking to
  // Fox News", "for the Italian newspaper Corriere della Sera", "behind
  // Clinton"): the nearest one at most four words before it, or -1.
  int PrepositionBefore(int m) const;
  // "Sanders was on CNN talking about ...", "Cruz appeared on Fox News
  // saying ...": when mention m is the object of "on", "in" or "at" right
  // after a be-form or a past verb, the participle that follows speaks for the
  // clause's subject. Returns that subject's mention, or -1.
  int SubjectBeforePlace(int m, int s_first) const;
  // "Trump on Mexico: ‘...’", "Gillibrand on Releasing the Transcripts:
  // ‘...’": a headline's speaker, then "on" or "about" and the topic up to
  // the colon. Returns the speaker's mention (a new source phrase for a
  // lone surname), or -1 when the sentence does not read so.
  int SpeakerOnTopic(int s_first, int colon);
  // Returns the subject of a participle cue at c ("..., saying"): the
  // phrase right before it, else the sentence's first subject mention
  // outside its opening phrases and not after a preposition.
  int ParticipleSubject(int c, int s_first);
  // For a passive cue at [c, cue_last) followed by "by" and a source
  // ("Ginsburg was appointed to the court by Bill Clinton"): sets the
  // agent's mention, the subject's span and the words between the cue and
  // "by", and returns true.
  bool PassiveAgent(int c, int cue_last, int s_end, int* agent, TokenRange* subject, TokenRange* rest);
  // Returns the source of "X released a statement" before a participle
  // at c ("... a statement saying"), or -1.
  int IssuerOfDocument(int c, int s_first);
  // Returns the end of the noun phrase at `from` that is a clause's
  // subject, before its verb ("The retired inspector | began"), or -1.
  int SubjectPhraseEnd(int from, int limit);
  // True when the -ing form at c opens its sentence, alone or after a few
  // words such as "Having", "Despite", "One month after".
  bool OpensSentence(int c, int s_first) const;
  // True when the model's cue at c is an -ing form after a comma or one
  // that opens its sentence.
  bool ModelParticiple(int c) const;
  // Returns the first token after the phrases that open a sentence at
  // `first` and close with a comma before `before` ("On Sunday, ...").
  int SkipOpeningPhrases(int first, int before) const;
  // Returns the first subject mention of the sentence before token `before`.
  int SubjectMention(int s_first, int before) const;
  int SourceRightOf(int k, int limit, int* end);
  int AccordingToSource(int k, int limit, int* end);
  int NounPhraseLeft(int k, int sentence_first);
  int NounPhraseRight(int k, int limit);
  int ParseAddressee(int k, int limit, std::string* addressee);
  int SkipAdverbials(int k, int limit, int* time);
  // True when tokens k, k + 1 (before `limit`) are "last", "this" or
  // "earlier" and a time noun ("last week", "this morning"): a time phrase
  // the time expressions leave unresolved.
  bool IsRelativeTimePhrase(int k, int limit) const;
  int ContentEnd(int first, int limit, bool clause_only) const;
  int SentenceEnd(int i) const;
  int SentenceFirst(int i) const;
  void SetSpeaker(FoundAttribution* a);
  void Classify(FoundAttribution* a) const;
  bool InQuote(int i) const { return facts_.quote_of_token[i] >= 0; }
  std::string PhraseText(int first, int last) const;

  const TokenizedText& t_;
  const std::vector<QuotedSpan>& quotes_;
  const std::vector<TimeExpression>& times_;
  const TokenFacts& facts_;
  MentionTable* mentions_;
  const Lexicons& lex_;
  std::vector<char> cue_used_;
  std::vector<int> quote_attribution_;  // Per quoted span: index into found_, or -1.
  std::vector<FoundAttribution> found_;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_ATTRIBUTION_ATTRIBUTOR_H_
