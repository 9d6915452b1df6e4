// Behaviour of cue matching, speaker resolution and the attribution
// patterns, one construction per case.
#include <gtest/gtest.h>

#include <algorithm>

#include "src/model/span_tagger.h"

#include "src/attribution/lexicons.h"
#include "whosaid/pipeline.h"

namespace whosaid {
namespace {

Article Attribute(const std::string& text, const std::string& date = "") {
  ExtractOptions options;
  options.raw = true;
  if (!date.empty()) options.date = date;
  StatusOr<Article> a = ExtractPlainText(text, "test", options);
  EXPECT_TRUE(a.ok()) << a.status().ToString();
  return a.ok() ? *a : Article();
}

const Quote* Containing(const Article& a, const std::string& fragment) {
  const Quote* best = nullptr;
  for (const Quote& q : a.quotes) {
    if (q.content.text.find(fragment) != std::string::npos &&
        (!best || q.content.text.size() < best->content.text.size())) best = &q;
  }
  return best;
}

// The source text of the shortest statement whose content holds
// `fragment`, or "(no statement)" / "(no source)".
std::string SourceOf(const std::string& text, const std::string& fragment) {
  Article a = Attribute(text);
  const Quote* q = Containing(a, fragment);
  if (q == nullptr) return "(no statement)";
  return q->source ? q->source->text : "(no source)";
}

// The content of the shortest statement whose content holds `fragment`,
// or "(no statement)".
std::string ContentOf(const Article& a, const std::string& fragment) {
  const Quote* q = Containing(a, fragment);
  return q == nullptr ? "(no statement)" : q->content.text;
}

// ContentOf for one text attributed on its own.
std::string ContentIn(const std::string& text, const std::string& fragment) {
  return ContentOf(Attribute(text), fragment);
}

// The speaker of the shortest statement whose content holds `fragment`,
// or "(no statement)" / "(no speaker)".
std::string SpeakerOf(const Article& a, const std::string& fragment) {
  const Quote* q = Containing(a, fragment);
  if (q == nullptr) return "(no statement)";
  return q->speaker.value_or("(no speaker)");
}

TEST(CueLexicon, HasSeveralHundredLemmasWithInflections) {
  const internal::Lexicons& lex = internal::Lexicons::Get();
  EXPECT_GE(lex.cue_count(), 300u);
  internal::TokenizedText t("she has told them and was saying it according to him");
  const internal::CueForm* form = nullptr;
  EXPECT_EQ(lex.MatchCue(t, 2, t.size(), &form), 1);
  EXPECT_EQ(form->lemma, "tell");
  EXPECT_EQ(lex.MatchCue(t, 6, t.size(), &form), 1);
  EXPECT_TRUE(form->participle);
  EXPECT_EQ(lex.MatchCue(t, 8, t.size(), &form), 2);
  EXPECT_EQ(form->category, internal::CueCategory::kSource);
}

TEST(CueMatching, NounReadingsAreNotCues) {
  Article a = Attribute("The reports were wrong. His claims surprised everyone. "
                        "A drilling method known as fracking spread. A district judge agreed. "
                        "A progressive think tank opened.");
  for (const Quote& q : a.quotes) ADD_FAILURE() << q.content.text;
}

struct Case {
  const char* text;
  const char* fragment;
  const char* speaker;  // nullptr: expect no speaker.
  const char* cue;
  const char* type;
};

const Case kCases[] = {
    {"Maria Lopez said that the vote was fair.", "the vote was fair", "Maria Lopez", "said", "indirect"},
    {"\"The vote was fair,\" said Maria Lopez.", "The vote was fair", "Maria Lopez", "said", "direct"},
    {"Maria Lopez arrived late. \"The vote was fair,\" she said.", "The vote was fair", "Maria Lopez", "said", "direct"},
    {"Senator Maria Lopez spoke first. The senator said the vote was fair.", "the vote was fair", "Maria Lopez", "said", "indirect"},
    {"According to Maria Lopez, the vote was fair.", "the vote was fair", "Maria Lopez", "According to", "indirect"},
    {"The vote was fair, according to Maria Lopez.", "The vote was fair", "Maria Lopez", "according to", "indirect"},
    {"Maria Lopez told the BBC that the vote was fair.", "the vote was fair", "Maria Lopez", "told", "indirect"},
    {"Maria Lopez accused John Hale of lying about the vote.", "lying about the vote", "Maria Lopez", "accused", "indirect"},
    {"Maria Lopez left the room, saying the vote was fair.", "the vote was fair", "Maria Lopez", "saying", "indirect"},
    {"Maria Lopez said the vote was \"fair and final.\"", "fair and final", "Maria Lopez", "said", "mixed"},
    {"Maria Lopez described the vote as \"fair.\"", "the vote as", "Maria Lopez", "described", "mixed"},
    {"The Kremlin said the talks had failed.", "the talks had failed", "Kremlin", "said", "indirect"},
    {"Maria Lopez replied: \"The vote was fair.\"", "The vote was fair", "Maria Lopez", "replied", "direct"},
    {"Maria Lopez said for weeks she would win the vote.", "she would win the vote", "Maria Lopez", "said", "indirect"},
    {"Most said the vote was fair.", "the vote was fair", nullptr, "said", "indirect"},
    {"Maria Lopez asked at the town hall, \"Who counted the votes?\"", "Who counted the votes", "Maria Lopez",
     "asked", "direct"},
    {"The vote was fair, said a handful of observers.", "The vote was fair", nullptr, "said", "indirect"},
    {"The Lopez campaign declined to comment.", "to comment", "Lopez campaign", "declined", "indirect"},
    {"The protesters chanted \"Count every vote!\"", "Count every vote", nullptr, "chanted", "direct"},
    {"Maria Lopez called the recount \"a farce.\"", "the recount \"a farce.\"", "Maria Lopez", "called", "mixed"},
    {"\xE2\x80\x9CThe vote was fair.\xE2\x80\x9D \xE2\x80\x95 Maria Lopez", "The vote was fair", "Maria Lopez",
     "\xE2\x80\x95", "direct"},
    {"\"The vote was fair,\" Rep. Maria Lopez (D-Wis.) said Friday.", "The vote was fair", "Maria Lopez", "said",
     "direct"},
};

TEST(Attribution, ContentStopsWhereAContrastingAttributionBegins) {
  Article a = Attribute("Maria Lopez said the vote was fair, while most of the observers said it was rushed.");
  const Quote* lopez = Containing(a, "the vote was fair");
  ASSERT_NE(lopez, nullptr);
  EXPECT_EQ(lopez->content.text, "the vote was fair");
  const Quote* observers = Containing(a, "it was rushed");
  ASSERT_NE(observers, nullptr);
  EXPECT_NE(observers, lopez);
  EXPECT_FALSE(observers->within.has_value());
  Article b = Attribute("Maria Lopez wants a recount and Tom Berg wants a new vote.");
  const Quote* wants = Containing(b, "a recount");
  ASSERT_NE(wants, nullptr);
  EXPECT_EQ(wants->content.text, "a recount");
}

TEST(Attribution, AppearancesAndExpectationsHaveNoSpeaker) {
  // Nobody is quoted: the writer reports how things look. The subject is
  // part of what is reported.
  Article a = Attribute("The council is expected to approve the budget. Maria Lopez seemed tired of the questions. "
                        "It appears that the vote was fair.");
  const Quote* expected = Containing(a, "approve the budget");
  ASSERT_NE(expected, nullptr);
  EXPECT_FALSE(expected->speaker.has_value());
  EXPECT_FALSE(expected->source.has_value());
  ASSERT_EQ(expected->parts.size(), 2u);
  EXPECT_EQ(expected->parts[0].text, "The council");
  const Quote* seemed = Containing(a, "tired of the questions");
  ASSERT_NE(seemed, nullptr);
  EXPECT_FALSE(seemed->speaker.has_value());
  EXPECT_EQ(seemed->parts.at(0).text, "Maria Lopez");
  const Quote* appears = Containing(a, "the vote was fair");
  ASSERT_NE(appears, nullptr);
  EXPECT_FALSE(appears->speaker.has_value());
  EXPECT_EQ(appears->content.text, "that the vote was fair");
  Article widely = Attribute("Maria Lopez is widely expected to win the recount.");
  ASSERT_EQ(widely.quotes.size(), 1u);
  EXPECT_FALSE(widely.quotes[0].speaker.has_value());
  EXPECT_EQ(widely.quotes[0].parts.at(0).text, "Maria Lopez");
  // An act after "seemed to" is still the subject's.
  Article b = Attribute("Maria Lopez seemed to recognize the problem.");
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(b.quotes[0].speaker.value_or(""), "Maria Lopez");
}

TEST(Attribution, AccordingToInTheMiddleTakesBothSides) {
  Article a = Attribute("Since March, according to the electoral commission, turnout has doubled.");
  const Quote* q = Containing(a, "turnout has doubled");
  ASSERT_NE(q, nullptr);
  ASSERT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(q->parts[0].text, "Since March");
  EXPECT_EQ(q->parts[1].text, "turnout has doubled");
  EXPECT_EQ(q->source.value().text, "the electoral commission");
  // After a whole clause the comma opens an appositive, not more content.
  Article b = Attribute("Turnout doubled in the northern provinces since the spring, according to Tom Berg, "
                        "a statistician at the commission.");
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_TRUE(b.quotes[0].parts.empty());
}

TEST(Attribution, ASourceWithARelativeClauseIsTheWholeNounPhrase) {
  Article a = Attribute("Many economists who favor the plan agree that it is sound.");
  const Quote* q = Containing(a, "it is sound");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->source.has_value());
  EXPECT_EQ(q->source->text, "Many economists who favor the plan");
}

TEST(Attribution, ThatBeforeASourceOpensItsClause) {
  // "that" before a name or a plural subject is the clause's, not the
  // source's determiner; nor does it make the words before it the source.
  EXPECT_EQ(SourceOf("Reporters wrote that Maria Lopez said the plan had failed.", "the plan had failed"),
            "Maria Lopez");
  EXPECT_EQ(SourceOf("The study found that experts say the plan had failed.", "the plan had failed"), "experts");
  EXPECT_EQ(SourceOf("It pushed the themes that marketers hope to sell this year.", "to sell this year"),
            "marketers");
  // "that" before a singular noun is its determiner.
  EXPECT_EQ(SourceOf("Critics said that report was wrong, and that committee said it was fine.", "it was fine"),
            "that committee");
}

TEST(Attribution, TheAddresseeOfToldIsTheWholeNounPhrase) {
  struct AddresseeCase {
    const char* text;
    const char* fragment;
    const char* addressee;
    const char* type;
  };
  const AddresseeCase kAddresseeCases[] = {
      // "’s" does not count towards the addressee's four words, so the
      // quotation keeps its frame instead of "station in an interview"
      // becoming content.
      {"\u201cWho knows?\u201d Trump told Britain\u2019s ITV television station in an interview.", "Who knows",
       "Britain\u2019s ITV television station", "direct"},
      {"Maria Lopez told CNN on Sunday that she would run.", "she would run", "CNN", "indirect"},
      {"Maria Lopez told reporters that she would run.", "she would run", "reporters", "indirect"},
  };
  for (const AddresseeCase& c : kAddresseeCases) {
    SCOPED_TRACE(c.text);
    Article a = Attribute(c.text);
    ASSERT_EQ(a.quotes.size(), 1u);
    const Quote& q = a.quotes[0];
    EXPECT_NE(q.content.text.find(c.fragment), std::string::npos) << q.content.text;
    EXPECT_EQ(q.addressee.value_or("(none)"), c.addressee);
    EXPECT_STREQ(QuoteTypeName(q.type), c.type);
  }
}

TEST(Attribution, AClauseWithoutThatEndsALowerCaseAddressee) {
  // "it" or a determiner's noun phrase, then a finite verb: the subject of
  // the content, not more of the addressee.
  Article a = Attribute("The mayor spoke on Monday, telling lawmakers it was time to act.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].content.text, "it was time to act");
  EXPECT_EQ(a.quotes[0].addressee.value_or("(none)"), "lawmakers");
  Article b = Attribute("Ms. Reyes told the committee the plan was sound.");
  ASSERT_EQ(b.quotes.size(), 1u);
  EXPECT_EQ(b.quotes[0].content.text, "the plan was sound");
  EXPECT_EQ(b.quotes[0].addressee.value_or("(none)"), "committee");
  // Two objects and no verb: no clause, so no addressee is guessed.
  Article c = Attribute("Ms. Reyes told voters the details.");
  ASSERT_EQ(c.quotes.size(), 1u);
  EXPECT_FALSE(c.quotes[0].addressee.has_value());
}

TEST(Attribution, AParticipleAfterAPlaceSpeaksForTheClauseSubject) {
  EXPECT_EQ(SourceOf("Ted Cruz appeared on Fox News saying the deal was bad.", "the deal was bad"), "Ted Cruz");
  EXPECT_EQ(SourceOf("Bernie Sanders was on CNN saying the race was not over.", "the race was not over"),
            "Bernie Sanders");
  // The object of "about" is the one speaking.
  EXPECT_EQ(SourceOf("Thomas Webb was interviewed about Pope Francis saying the feast was a sham.",
                     "the feast was a sham"),
            "Pope Francis");
}

TEST(Attribution, AStatementAfterACommaInsideAnotherIsItsSibling) {
  // PolNeAR marks "praised the new plan" and "critics say ..." as two
  // statements side by side: the first content ends at the comma.
  Article a = Attribute("The board praised the new plan, which critics say will raise fares.");
  EXPECT_EQ(ContentOf(a, "the new plan"), "the new plan");
  for (const Quote& q : a.quotes) EXPECT_FALSE(q.within.has_value()) << q.content.text;
  // An aside that the content's verb follows belongs to the content.
  Article aside = Attribute("Maria Lopez said the deal, which critics say is flawed, will pass.");
  EXPECT_EQ(ContentOf(aside, "the deal"), "the deal, which critics say is flawed, will pass");
  // Without the punctuation the inner statement stays nested, whole.
  Article b = Attribute("Maria Reyes said Tom Ortiz had told him the plan was dead.");
  ASSERT_EQ(b.quotes.size(), 2u);
  EXPECT_EQ(b.quotes[0].content.text, "Tom Ortiz had told him the plan was dead");
  EXPECT_EQ(b.quotes[1].within, std::optional<int>(0));
}

TEST(Attribution, ACueInAnOpeningSubordinateClauseSaysNoMoreThanIt) {
  EXPECT_EQ(ContentIn("When Maria Lopez criticized the plan, she was alone.", "the plan"),
            "the plan");
  // The comma of a list is no end: no subject follows it.
  EXPECT_EQ(ContentIn("After Maria Lopez said that taxes, fees and rents would rise, Tom Hale resigned.", "taxes"),
            "that taxes, fees and rents would rise");
  // Without the opening clause the content runs on.
  EXPECT_EQ(ContentIn("Maria Lopez said that the plan was dead, Tom Hale had resigned.", "the plan was dead"),
            "that the plan was dead, Tom Hale had resigned");
}

TEST(Attribution, AVenueAtTheEndOfTheContentIsNoPartOfIt) {
  EXPECT_EQ(ContentIn("Maria Lopez said the plan was dead in an interview on Sunday.", "the plan was dead"),
            "the plan was dead");
  EXPECT_EQ(ContentIn("Tom Hale criticized the budget at a news conference.", "the budget"),
            "the budget");
  // A meeting that is what was said stays: no "news" or "press" before it.
  EXPECT_EQ(ContentIn("Maria Lopez said she would speak at a conference on trade.", "she would speak"),
            "she would speak at a conference on trade");
}

TEST(Attribution, OneContentIsOneStatementFromTheNearestCue) {
  Article a = Attribute(
      "At one point, a woman asked for a photo and Maria Lopez said, \u201cWe can do it as long as we are not "
      "violating any election laws.\u201d");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "Maria Lopez");
  EXPECT_EQ(a.quotes[0].cue->text, "said");
}

TEST(Attribution, AHeadlineSpeakerOnATopicIsTheSource) {
  EXPECT_EQ(SourceOf("Hale on Mexico: \u2018They will pay for the wall.\u2019", "pay for the wall"), "Hale");
  EXPECT_EQ(SourceOf("Gillibrand on the Speech Transcripts: \u2018I Think She Will Release Them.\u2019",
                     "She Will"),
            "Gillibrand");
}

TEST(Attribution, AHeadlineLabelledWithAPersonIsTheirStatement) {
  Article a = Attribute("Maria Lopez: The Budget Will Protect Pensions.\n\nThe minister spoke on Monday in Oslo.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].content.text, "The Budget Will Protect Pensions");
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "Maria Lopez");
  // A label that names no person says nothing.
  EXPECT_TRUE(Attribute("Poll Watch: The Latest Count Is In.\n\nThe count goes on.").quotes.empty());
}

TEST(Attribution, APronounOfQuantityNamesNobody) {
  // "Others" is capitalised because it opens the sentence: no organisation
  // named "Others" speaks (13 statements on train had that speaker).
  for (const char* text : {"Others said the plan was dead.", "Neither said the plan was dead."}) {
    Article a = Attribute(text);
    ASSERT_EQ(a.quotes.size(), 1u) << text;
    EXPECT_FALSE(a.quotes[0].speaker.has_value()) << text;
    EXPECT_TRUE(a.people.empty()) << text;
  }
}

TEST(Attribution, AnAsideBetweenDashesAfterTheCueIsNoContent) {
  EXPECT_EQ(ContentIn("Maria Lopez said \u2014 on Twitter, as it happens \u2014 that the plan was dead.",
                      "the plan was dead"),
            "that the plan was dead");
}

TEST(Attribution, ThanksInPartToIsNoCue) {
  EXPECT_EQ(ContentIn("Maria Lopez said that sales rose, thanks in part to the new plant, and that jobs followed.",
                      "sales rose"),
            "that sales rose, thanks in part to the new plant, and that jobs followed");
}

TEST(Attribution, ACueInATitleCaseHeadlineEndsTheName) {
  Article a = Attribute("Maria Lopez Says The Budget Will Protect Pensions\n\nThe vote is on Sunday.");
  ASSERT_FALSE(a.people.empty());
  EXPECT_EQ(a.people[0].name, "Maria Lopez");
  EXPECT_EQ(SpeakerOf(a, "Protect Pensions"), "Maria Lopez");
}

TEST(Attribution, AShareOfPeopleIsASource) {
  EXPECT_EQ(SourceOf("Two in three said they are less likely to vote.", "less likely"), "Two in three");
  EXPECT_EQ(SourceOf("Two in three voters said they are less likely to vote.", "less likely"), "Two in three voters");
  EXPECT_EQ(SourceOf("Nearly three in five said they are unhappy.", "unhappy"), "Nearly three in five");
  // A count after "in" that is no share stays out of the source.
  EXPECT_EQ(SourceOf("He finished second in three states, aides said.", "three states"), "aides");
}

TEST(Attribution, AQuotedTitleInsideAnAppositiveKeepsTheSpeaker) {
  const std::string text =
      "Hemsley, the co-author of \"Going Viral,\" about the spread of rumours, said the days of one story were gone.";
  EXPECT_EQ(SourceOf(text, "the days of one story"), "Hemsley");
  Article a = Attribute(text);
  const Quote* q = Containing(a, "the days of one story");
  ASSERT_NE(q, nullptr);
  EXPECT_STREQ(QuoteTypeName(q->type), "indirect");
  // The title ends the appositive, its comma inside the closing mark.
  const std::string last = "Hemsley, the co-author of \"Going Viral,\" said the days of one story were gone.";
  EXPECT_EQ(SourceOf(last, "the days of one story"), "Hemsley");
  a = Attribute(last);
  for (const Quote& x : a.quotes) EXPECT_EQ(x.content.text.find("Going Viral"), std::string::npos) << x.content.text;
}

TEST(Attribution, AQuotationThatRunsOnIsNotTheNextFramesContent) {
  // The quotation runs on into its clause: the later "he said" reports
  // what follows it, not the quotation.
  Article a = Attribute(
      "Although the FBI found she was \u201cextremely careless\u201d and lost files, he said there is no "
      "precedent for a case like this.");
  const Quote* q = Containing(a, "there is no precedent");
  ASSERT_NE(q, nullptr);
  EXPECT_STREQ(QuoteTypeName(q->type), "indirect");
  for (const Quote& x : a.quotes) EXPECT_NE(x.content.text, "\u201cextremely careless\u201d");
  // Run on to a comma before its frame: one mixed statement up to the comma.
  a = Attribute(
      "\u201cYou squeezed employees to the breaking point\u201d to drive up the stock price, she said, "
      "referencing the sales drive.");
  q = Containing(a, "breaking point");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "\u201cYou squeezed employees to the breaking point\u201d to drive up the stock price");
  EXPECT_STREQ(QuoteTypeName(q->type), "mixed");
  ASSERT_TRUE(q->cue.has_value());
  EXPECT_EQ(q->cue->text, "said");
  // The statement starts with its sentence, before the quotation.
  a = Attribute("Trump's \u201cexcesses\u201d are sickening, Hollande said.");
  q = Containing(a, "sickening");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "Trump's \u201cexcesses\u201d are sickening");
  EXPECT_STREQ(QuoteTypeName(q->type), "mixed");
  // A quotation ending with a nested one's closing mark after a comma is
  // closed off: its frame follows.
  a = Attribute("\"I hate the term 'outreach,' \" he told the group, adding that it was wrong.");
  q = Containing(a, "I hate the term");
  ASSERT_NE(q, nullptr);
  EXPECT_STREQ(QuoteTypeName(q->type), "direct");
  EXPECT_EQ(q->cue->text, "told");
}

TEST(Attribution, AQuotationOpenedInsideAClauseIsMixedFromTheSentenceStart) {
  // Closed before its trailing frame, but opened after words of the clause:
  // the statement is the whole clause.
  Article a = Attribute("The bakery closed last week. He was a \u201cgenerous and patient teacher,\u201d the "
                        "family said in a statement.");
  const Quote* q = Containing(a, "generous and patient");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "He was a \u201cgenerous and patient teacher,\u201d");
  EXPECT_STREQ(QuoteTypeName(q->type), "mixed");
  ASSERT_TRUE(q->source.has_value());
  EXPECT_EQ(q->source->text, "the family");
  // The next quotation of the paragraph is the same statement's next part.
  a = Attribute("Still, bakeries are \u201conly just breaking even,\u201d Ms. Lund said. \u201cFlour costs "
                "twice what it did, and nobody wants to pay more for bread.\u201d");
  q = Containing(a, "only just breaking even");
  ASSERT_NE(q, nullptr);
  EXPECT_STREQ(QuoteTypeName(q->type), "mixed");
  ASSERT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(Containing(a, "nobody wants to pay"), q);
  // A quotation that opens its sentence stays direct.
  a = Attribute("\u201cHe was a generous teacher,\u201d the family said.");
  q = Containing(a, "generous teacher");
  ASSERT_NE(q, nullptr);
  EXPECT_STREQ(QuoteTypeName(q->type), "direct");
}

TEST(Attribution, AParticipleTakesTheMainClauseSubjectNotAnOpeningPhrase) {
  EXPECT_EQ(SourceOf("In a call with Maria Lopez, Tom Hale praised the mayor, saying the vote was fair.",
                     "the vote was fair"),
            "Tom Hale");
  // A cue only the model knows ("calling") in the same place.
  EXPECT_EQ(SourceOf("Tom Hale attacked the mayor, calling him a coward.", "him a coward"), "Tom Hale");
}

TEST(Attribution, TheAgentOfAPassiveCueIsTheSource) {
  EXPECT_EQ(SourceOf("Maria Lopez was recommended for the job by Tom Hale, the party's chairman.", "for the job"),
            "Tom Hale");
  EXPECT_EQ(SourceOf("Tom Hale was asked by a caller whether the vote was fair.", "the vote was fair"), "a caller");
}

TEST(Attribution, ARelativeThatBeforeTheCueIsTheSource) {
  EXPECT_EQ(SourceOf("Protesters gathered outside the Lopez Center, a downtown museum that promotes her ideals and "
                     "shows her paintings.",
                     "her ideals"),
            "that");
  EXPECT_EQ(SourceOf("She has fallen out of favor with green groups that once regarded her as a friend of the forests.",
                     "a friend of the forests"),
            "that");
}

TEST(Attribution, ARelativePronounSpeaksAcrossAnAdverbialPhrase) {
  EXPECT_EQ(SourceOf("Maria Lopez, who in the past has criticized the plan, spoke first.", "the plan"), "who");
  EXPECT_EQ(SourceOf("Tom Hale, who, after a long night at the count, said the vote was fair, left early.",
                     "the vote was fair"),
            "who");
}

TEST(Attribution, AVerbJoinedInsideAWhichClauseTakesThePronoun) {
  EXPECT_EQ(SourceOf("The senator has courted the Latino community, which largely supports the bill and ranks it "
                     "as a higher priority.",
                     "a higher priority"),
            "which");
}

TEST(Attribution, AParticipleOpeningTheSentenceTakesTheSubjectAfterItsComma) {
  EXPECT_EQ(SourceOf("Despite challenging the plan, Maria Lopez said she would vote for it.", "the plan"),
            "Maria Lopez");
  EXPECT_EQ(SourceOf("Having announced that the count was over, Tom Hale left the hall.", "the count was over"),
            "Tom Hale");
}

TEST(Attribution, WhoIssuedAStatementSaysWhatItSays) {
  EXPECT_EQ(SourceOf("Later, the mayor's office put out a statement saying the bridge would reopen in May.",
                     "the bridge would reopen"),
            "the mayor's office");
  EXPECT_EQ(SourceOf("The town council released a statement Wednesday saying the vote was fair.", "the vote was fair"),
            "The town council");
}

TEST(Attribution, AContractedPronounIsASource) {
  EXPECT_EQ(SourceOf("I’ve been saying for six years that the plan is wrong.", "the plan is wrong"), "I’ve");
  EXPECT_EQ(SourceOf("The miners met on Friday. They’re not expecting the mine to reopen this year.",
                     "the mine to reopen"),
            "They’re");
}

TEST(Attribution, AVerbAfterAndTakesTheLastClauseSubject) {
  EXPECT_EQ(SourceOf("When Maria Lopez asked about the count, he laughed and said the vote was fair.",
                     "the vote was fair"),
            "he");
}

TEST(Attribution, AParticipleWithoutAMentionTakesTheOpeningNounPhrase) {
  EXPECT_EQ(SourceOf("The retired mine inspector began by talking about the state's safety record, saying that "
                     "the mines were unsafe.",
                     "the mines were unsafe"),
            "The retired mine inspector");
  EXPECT_EQ(SourceOf("The famously quiet senator started on Monday, showing a little more of her humor on the radio.",
                     "her humor"),
            "The famously quiet senator");
  // The object of the main clause's cue is no subject.
  EXPECT_EQ(SourceOf("The retired judge has praised Maria Lopez, saying she was a strong leader.", "a strong leader"),
            "The retired judge");
  // An opening phrase holds no clause of its own.
  EXPECT_EQ(SourceOf("By Sunday afternoon she had canceled a rally with Tom Hale in Green Bay, Wis., citing the storm.",
                     "the storm"),
            "she");
}

TEST(Attribution, AVerbAfterAndSkipsTheSentencesOpeningPhrase) {
  EXPECT_EQ(SourceOf("Appearing before her supporters on Monday, Maria Lopez, 70, said it was too early to celebrate "
                     "but added that the count looked good.",
                     "the count looked good"),
            "Maria Lopez");
  EXPECT_EQ(SourceOf("Essentially, the mayor's lawyers looked through the records and found that one page was "
                     "missing.",
                     "one page was missing"),
            "the mayor's lawyers");
}

TEST(Attribution, ARelativeTimeBetweenSubjectAndVerbIsSkipped) {
  EXPECT_EQ(SourceOf("Senior campaign officials this week detailed the breadth of the plan.", "the breadth"),
            "Senior campaign officials");
  EXPECT_EQ(SourceOf("Tom Hale, the party chairman, this past week announced the creation of a new committee.",
                     "a new committee"),
            "Tom Hale");
}

TEST(Attribution, AnAgentNounDescribesTheSubject) {
  EXPECT_EQ(SourceOf("Maria Lopez had been a strong supporter of the new mine.", "the new mine"), "Maria Lopez");
  EXPECT_EQ(SourceOf("The vote matters most to Tom Hale, a fierce supporter of the mine.", "the mine"), "Tom Hale");
}

TEST(Attribution, ANameThatOpensTheClauseSpeaksAfterItsAppositives) {
  EXPECT_EQ(SourceOf("Tom Hale, 22, of Dayton, Ohio, said he would vote for the plan.", "he would vote"), "Tom Hale");
  EXPECT_EQ(SourceOf("Gov. Tom Hale of Ohio, a Republican who has refused to endorse Maria Lopez, said the vote was "
                     "fair.",
                     "the vote was fair"),
            "Gov. Tom Hale");
}

TEST(Attribution, AColonIntroductionTakesTheMainClauseSubject) {
  EXPECT_EQ(SourceOf("When Tom Hale died in 2001, Mayor Maria Lopez released the following statement:\n\n"
                     "“He was a good man and a fine leader of this town.”",
                     "a fine leader"),
            "Mayor Maria Lopez");
}

TEST(Attribution, AParticipleAfterATrailingFrameTakesItsSource) {
  EXPECT_EQ(SourceOf("Tom Hale will play the \"farm card,\" Maria Lopez said, adding that the way to beat him \"is to "
                     "attack his record.\"",
                     "the way to beat him"),
            "Maria Lopez");
}

TEST(SpeakerResolution, AContinuationKeepsTheSourceOfTheStatementItGoesOnWith) {
  EXPECT_EQ(SourceOf("Maria Lopez added that the council wants to settle the matter before the vote. “They don’t like "
                     "to talk about it, but I think they will move soon.”",
                     "They don’t like"),
            "Maria Lopez");
}

TEST(Attribution, AQuantityWantsInAContrastClause) {
  // "while 40 percent want ...": the quantity is a subject, "want" a cue,
  // and the first statement ends at the comma.
  for (const char* share : {"40 percent", "many", "about 4 in 10"}) {
    Article a = Attribute(std::string("Half of the members say they prefer a newcomer, while ") + share +
                          " want someone with experience.");
    const Quote* prefer = Containing(a, "prefer a newcomer");
    ASSERT_NE(prefer, nullptr) << share;
    EXPECT_EQ(prefer->content.text, "they prefer a newcomer") << share;
    const Quote* want = Containing(a, "someone with experience");
    ASSERT_NE(want, nullptr) << share;
    EXPECT_EQ(want->content.text, "someone with experience") << share;
  }
}

TEST(Attribution, TheOneUrgedOpensTheClaim) {
  // "urged X to do Y": X is the addressee and the subject of the claim.
  Article a = Attribute("The mayor urged the city council to approve the new budget by Friday.");
  const Quote* q = Containing(a, "approve the new budget");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "the city council to approve the new budget by Friday");
  EXPECT_EQ(q->addressee.value_or(""), "city council");
  // "told X to do Y" keeps the claim after the addressee.
  a = Attribute("The mayor told the city council to approve the new budget by Friday.");
  q = Containing(a, "approve the new budget");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "to approve the new budget by Friday");
  // A negation stays with the claim, and does not join the addressee.
  a = Attribute("The mayor urged residents never to leave their cars on the bridge.");
  q = Containing(a, "leave their cars");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "residents never to leave their cars on the bridge");
  EXPECT_EQ(q->addressee.value_or(""), "residents");
  a = Attribute("The governor decided not to seek a third term.");
  q = Containing(a, "seek a third term");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "not to seek a third term");
}

TEST(Attribution, TheOneNamedInsideTheSubjectIsNotTheSpeaker) {
  // "A lawyer for X said": X is not the one who said it.
  Article a = Attribute("Maria Ortiz won the primary in June. A lawyer for Ms. Ortiz said the recount was over.");
  const Quote* q = Containing(a, "the recount was over");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->source.has_value());
  EXPECT_EQ(q->source->text, "A lawyer for Ms. Ortiz");
  EXPECT_NE(q->speaker.value_or(""), "Maria Ortiz");
  EXPECT_EQ(SourceOf("An aide to Ortiz said the recount was over.", "the recount was over"), "An aide to Ortiz");
  EXPECT_EQ(SourceOf("The head of the election board said the recount was over.", "the recount was over"),
            "The head of the election board");
  EXPECT_EQ(SourceOf("Members of Congress said the recount was over.", "the recount was over"),
            "Members of Congress");
  EXPECT_EQ(SourceOf("A person familiar with the count said the recount was over.", "the recount was over"),
            "A person familiar with the count");
  // A phrase that opens the sentence is not the subject.
  EXPECT_EQ(SourceOf("In a letter to Ortiz, the clerk said the recount was over.", "the recount was over"),
            "the clerk");
}

TEST(Attribution, ASecondVerbAfterButTakesTheFirstOnesSpeaker) {
  // An opening participle phrase is not the subject of "but added".
  Article a = Attribute(
      "Appearing before reporters in the capital, Anna Berg, 70, said little but added that she would lead the party.");
  const Quote* q = Containing(a, "she would lead the party");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->source.has_value());
  EXPECT_EQ(q->source->text, "Anna Berg");
  EXPECT_EQ(q->speaker.value_or(""), "Anna Berg");
}

TEST(Attribution, TheSpeakerIsNoOtherStatementsContent) {
  // The participle phrase adds no statement whose content is the speaker.
  for (const char* text : {"Trump, writing on Twitter, said the talks had failed.",
                           "Maria Ortiz, writing on Facebook, said the recount was over."}) {
    Article a = Attribute(text);
    ASSERT_EQ(a.quotes.size(), 1u) << text;
    ASSERT_TRUE(a.quotes[0].cue.has_value());
    EXPECT_EQ(a.quotes[0].cue->text, "said") << text;
  }
}

TEST(Attribution, APollFindingDoesNotReachOverAnotherFrame) {
  Article a = Attribute("\"It is a scandal,\" said Tom Haug, whose party trails in the polls.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].content.text, "\"It is a scandal,\"");
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "Tom Haug");
}

TEST(Attribution, ALowerCaseAddresseeBeforeASubjectPronoun) {
  Article a = Attribute("The senator told reporters she expected the bill would pass.");
  const Quote* q = nullptr;
  for (const Quote& x : a.quotes) {
    if (x.cue && x.cue->text == "told") q = &x;
  }
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "she expected the bill would pass");
  EXPECT_EQ(q->addressee.value_or(""), "reporters");
}

TEST(Attribution, AQuantityOpeningTheContentStaysWhole) {
  for (const char* text : {"Officials said at least 12 people were killed in the fire.",
                           "Officials said up to 12 people were killed in the fire."}) {
    Article a = Attribute(text);
    const Quote* q = Containing(a, "12 people were killed");
    ASSERT_NE(q, nullptr) << text;
    ASSERT_TRUE(q->cue.has_value());
    EXPECT_EQ(q->cue->text, "said") << text;
    EXPECT_TRUE(q->content.text.starts_with("at least") || q->content.text.starts_with("up to")) << q->content.text;
  }
}

TEST(Attribution, SpeakingToSomeoneNamesTheAddressee) {
  Article a = Attribute("Speaking to CNN on Sunday, Senator Maria Lopez said the bill was dead.");
  const Quote* q = Containing(a, "the bill was dead");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->addressee.value_or(""), "CNN");
  a = Attribute("Lopez, talking with reporters, said the bill was dead.");
  q = Containing(a, "the bill was dead");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->addressee.value_or(""), "reporters");
}

TEST(Attribution, AQuotationBeforeWhileBelongsToTheFirstClause) {
  Article a = Attribute(
      "The mayor called the decision \"long overdue,\" while the council accused her of hiding the costs.");
  const Quote* first = Containing(a, "long overdue");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->content.text, "the decision \"long overdue,\"");
  EXPECT_EQ(first->source->text, "The mayor");
  const Quote* second = Containing(a, "hiding the costs");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->source->text, "the council");
  for (const Quote& q : a.quotes) EXPECT_FALSE(q.source->text == "the council" && q.content.text.find("overdue") != std::string::npos);
}

TEST(Attribution, AQuoteAfterPostedOnXContinuesTheStatement) {
  Article a = Attribute(
      "\"It has been the honor of my life,\" the mayor wrote in a letter posted on X. \"I believe it is time for "
      "someone new.\"");
  const Quote* q = Containing(a, "honor of my life");
  ASSERT_NE(q, nullptr);
  ASSERT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(Containing(a, "time for someone new"), q);
}

TEST(Attribution, ACommonNounAfterAQuotationIsItsSpeakerWithoutTheTagger) {
  // The rules alone: before, only the span tagger found these.
  internal::SetActiveSpanTagger(nullptr);
  Article a = Attribute("\u201cWe won,\u201d the family said.");
  Article b = Attribute("It rained. He was a \u201cpatient teacher,\u201d the old neighbor said.");
  internal::ResetActiveSpanTagger();
  ASSERT_EQ(a.quotes.size(), 1u);
  ASSERT_TRUE(a.quotes[0].source.has_value());
  EXPECT_EQ(a.quotes[0].source->text, "the family");
  const Quote* q = Containing(b, "patient teacher");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "He was a \u201cpatient teacher,\u201d");
  EXPECT_EQ(q->source->text, "the old neighbor");
}

TEST(Attribution, ADatelineAndTheFramesParticipleStayOutOfTheStatement) {
  Article a = Attribute("OSLO (Reuters) - The council passed the budget on Tuesday, Reuters reported, citing two aides.");
  const Quote* q = Containing(a, "passed the budget");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "The council passed the budget on Tuesday");
  EXPECT_TRUE(q->parts.empty());
  EXPECT_EQ(q->source->text, "Reuters");
  a = Attribute("KYIV, Ukraine \u2014 Shelling went on through the night, officials said.");
  q = Containing(a, "Shelling went on");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "Shelling went on through the night");
}

TEST(Attribution, WarnedThatOpensTheClaimNotAnAddressee) {
  Article a = Attribute("Officials warned that London would face consequences.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].content.text, "that London would face consequences");
  EXPECT_FALSE(a.quotes[0].addressee.has_value());
}

TEST(Attribution, AQuestionAskedIsNoStatementOfTheAnswerersFrame) {
  Article a = Attribute("Asked if he agreed, Mr Starmer replied: \u2018Of course not.\u2019");
  for (const Quote& q : a.quotes) {
    EXPECT_FALSE(q.cue && q.cue->text == "agreed") << q.content.text;
  }
  const Quote* q = Containing(a, "Of course not");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->source->text, "Mr Starmer");
}

TEST(Attribution, SingleMarksContinueAQuotationInSingleMarks) {
  Article a = Attribute("\u2018We will not be bullied,\u2019 she told MPs. \u2018Nobody should doubt our resolve.\u2019");
  const Quote* q = Containing(a, "not be bullied");
  ASSERT_NE(q, nullptr);
  ASSERT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(Containing(a, "doubt our resolve"), q);
  // After a quotation in double marks, single marks stay a scare quote.
  a = Attribute("\u201cWe will win,\u201d she said. \u2018Resolve\u2019 was the word of the day.");
  q = Containing(a, "We will win");
  ASSERT_NE(q, nullptr);
  EXPECT_TRUE(q->parts.empty());
}

TEST(Attribution, AnAppositiveTitleNamesTheSpeakerLater) {
  for (const char* text : {"The NATO chief, Mark Rutte, said the alliance was united. Later, the NATO chief said "
                           "more troops would come.",
                           "Mark Rutte, the NATO chief, said the alliance was united. The NATO chief added that "
                           "more troops would come."}) {
    Article a = Attribute(text);
    const Quote* q = Containing(a, "more troops would come");
    ASSERT_NE(q, nullptr) << text;
    EXPECT_EQ(q->speaker.value_or(""), "Mark Rutte") << text;
    const Person* rutte = nullptr;
    for (const Person& p : a.people) {
      if (p.name == "Mark Rutte") rutte = &p;
    }
    ASSERT_NE(rutte, nullptr);
    EXPECT_NE(std::find(rutte->titles.begin(), rutte->titles.end(), "NATO chief"), rutte->titles.end()) << text;
  }
  // "CEO" and "chief executive" are one title.
  Article a = Attribute("Microsoft CEO Satya Nadella said growth would continue. The chief executive added that "
                        "hiring would resume.");
  const Quote* q = Containing(a, "hiring would resume");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker.value_or(""), "Satya Nadella");
}

TEST(Attribution, ADatelineIsNoSpeaker) {
  Article a = Attribute(
      "BERLIN \u2014 Chancellor Anna Berg on Wednesday called for a joint army, telling lawmakers that the "
      "continent could no longer wait.");
  const Quote* q = Containing(a, "could no longer wait");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker.value_or(""), "Anna Berg");
}

TEST(Attribution, ANameAfterAPrepositionIsNotTheSpeaker) {
  EXPECT_EQ(SourceOf("Massimo Franco, a columnist for the Italian newspaper Corriere della Sera, wrote that it was "
                     "over.",
                     "it was over"),
            "Massimo Franco");
  EXPECT_EQ(SourceOf("Ann Weingarten, who has rallied members behind Clinton, said the race was tightening.",
                     "the race was tightening"),
            "Ann Weingarten");
  EXPECT_EQ(SourceOf("Another intelligence source speaking to Fox News said the agents were in place.",
                     "the agents were in place"),
            "Another intelligence source");
  EXPECT_EQ(SourceOf("Nate Cohn, writing in The New York Times, noticed that the polls moved.", "the polls moved"),
            "Nate Cohn");
  // A name the lexicons don't know before an appositive ending in one.
  EXPECT_EQ(SourceOf("Mukasey, the attorney general under President George W. Bush, criticized the email use.",
                     "the email use"),
            "Mukasey");
  // The appositive's head is still the speaker.
  EXPECT_EQ(SourceOf("The opposition leader, Tomas Berg, said the vote was fair.", "the vote was fair"), "Tomas Berg");
  // A stray closing mark after the quotation does not become the source.
  Article a = Attribute("''We will bomb them out of there,''' said Senator John McCain.");
  ASSERT_EQ(a.quotes.size(), 1u);
  EXPECT_EQ(a.quotes[0].speaker.value_or(""), "John McCain");
}

TEST(Attribution, AModifierBetweenCommasLeavesTheSubjectBeforeIt) {
  EXPECT_EQ(SourceOf("Clinton, during a town hall meeting in Columbus, Ohio, said she would win the state.",
                     "she would win"),
            "Clinton");
  EXPECT_EQ(SourceOf("Powell's office, when contacted by Reuters, said the diplomat could not confirm it.",
                     "the diplomat could not"),
            "Powell's office");
  EXPECT_EQ(SourceOf("Sen. Chuck Grassley, facing a spirited challenge in Iowa, a swing state, said he would "
                     "welcome Cruz.",
                     "he would welcome"),
            "Sen. Chuck Grassley");
  EXPECT_EQ(SourceOf("Sen. Roy Blunt (R-Mo.), facing a stiff challenge from Jason Kander, noted that Cruz had won.",
                     "Cruz had won"),
            "Sen. Roy Blunt");
  // A relative clause ending in a name after a preposition.
  EXPECT_EQ(SourceOf("Officials who spoke with The Huffington Post said the committee had become a shell.",
                     "had become a shell"),
            "Officials who spoke with The Huffington Post");
}

TEST(Attribution, APhraseBetweenANamedSubjectAndItsVerb) {
  EXPECT_EQ(SourceOf("Donald Trump at the time said he would win.", "he would win"), "Donald Trump");
  EXPECT_EQ(SourceOf("Jeb Bush in a Medium post said he would cut taxes.", "cut taxes"), "Jeb Bush");
  // Not across a comma: the appositive's own phrase stays inside it.
  EXPECT_EQ(SourceOf("Rabbi Marvin Hier, the founder of the Simon Wiesenthal Center in Los Angeles, has said that "
                     "the group is evil.",
                     "the group is evil"),
            "Rabbi Marvin Hier");
  // A time phrase before "including" is no subject.
  EXPECT_EQ(SourceOf("Veterans interviewed at rallies this week, including Tom Jebens, said they had doubts.",
                     "they had doubts"),
            "Tom Jebens");
}

TEST(Attribution, AFrameAfterACommaAndItsCircumstances) {
  // ", said NAME, appositive": inverted; the words before the comma are the
  // statement, not its source.
  Article a = Attribute(
      "Cruz lacks support from his colleagues in Congress, whom he has alienated, said Larry Sabato, "
      "director of the Center for Politics.");
  const Quote* q = Containing(a, "Cruz lacks support");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->source.has_value());
  EXPECT_EQ(q->source->text, "Larry Sabato");
  EXPECT_EQ(q->content.text, "Cruz lacks support from his colleagues in Congress, whom he has alienated");
  a = Attribute(
      "Even if the department closed, some of its work would go on elsewhere, said DeSantis, who was elected in "
      "2012.");
  q = Containing(a, "some of its work");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->source.has_value());
  EXPECT_EQ(q->source->text, "DeSantis");
  // "as" + a subject after the addressee opens the frame's circumstance.
  a = Attribute("This is not about me, President Barack Obama told his closest advisers as he launched the plan.");
  q = Containing(a, "not about me");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "This is not about me");
  EXPECT_EQ(q->addressee.value_or(""), "closest advisers");
  // A title with "of" before the name belongs to the frame.
  a = Attribute("The union will sit out the election, UMWA Director of Government Affairs Phil Smith told POLITICO.");
  q = Containing(a, "sit out the election");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "The union will sit out the election");
  EXPECT_EQ(q->addressee.value_or(""), "POLITICO");
  // After a comma the same words go on with the statement.
  a = Attribute("In the early 1990s, Anne Ripert said, when she was young, the shop was busy.");
  q = Containing(a, "the shop was busy");
  ASSERT_NE(q, nullptr);
}

TEST(Attribution, AVerbJoinedInARelativeClauseTakesItsPronoun) {
  Article a = Attribute(
      "Tom Berg told Annette Guessford, who answered her door on Sunday and said she planned to caucus for "
      "Clinton.");
  const Quote* q = Containing(a, "she planned to caucus");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->source.has_value());
  EXPECT_EQ(q->source->text, "who");
  EXPECT_EQ(q->speaker.value_or(""), "Annette Guessford");
  // Without the relative clause the sentence's subject speaks.
  EXPECT_EQ(SourceOf("The judge rubbed his chin, and then said the case was closed.", "the case was closed"),
            "The judge");
}

TEST(Attribution, ARelativeClauseBetweenDashesIsAnAside) {
  Article a = Attribute("Front-runner Donald Trump - who previously said he would bomb the oil fields - won again.");
  const Quote* q = Containing(a, "bomb the oil fields");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "he would bomb the oil fields");
  ASSERT_TRUE(q->source.has_value());
  EXPECT_EQ(q->source->text, "who");
  EXPECT_EQ(q->speaker.value_or(""), "Donald Trump");
}

TEST(Attribution, APollIsTheSourceOfWhatItShows) {
  Article a = Attribute("In a Harbor Institute poll, Lopez had 38 percent support. Berg leads in the latest polls. "
                        "Berg slid in the polls behind Lopez after the debate.");
  const Quote* first = Containing(a, "38 percent");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first->content.text, "Lopez had 38 percent support");
  EXPECT_EQ(first->source->text, "a Harbor Institute poll");
  EXPECT_EQ(first->category, "source");
  const Quote* second = Containing(a, "Berg leads");
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->source->text, "the latest polls");
  EXPECT_EQ(Containing(a, "slid"), nullptr);  // A poll inside a longer clause reports nothing.
}

TEST(Attribution, AStatementInTheFrameSentenceDoesNotEndTheQuote) {
  Article a = Attribute("\"The vote was fair,\" Maria Lopez said after Tom Berg conceded the race. "
                        "\"Nobody was turned away.\"");
  const Quote* q = Containing(a, "Nobody was turned away");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(q->speaker.value_or(""), "Maria Lopez");
}

TEST(Attribution, SourcesAroundAppositivesAndTitleModifiers) {
  Article a = Attribute("\"The count was clean,\" said former election chief Maria Lopez. "
                        "Observers from two parties \xE2\x80\x94 the Greens and the Liberals \xE2\x80\x94 said the vote "
                        "was fair. Local officials, like their national counterparts, say turnout rose.");
  const Quote* direct = Containing(a, "The count was clean");
  ASSERT_NE(direct, nullptr);
  ASSERT_TRUE(direct->source.has_value());
  EXPECT_EQ(direct->source->text, "former election chief Maria Lopez");
  EXPECT_EQ(direct->speaker.value_or(""), "Maria Lopez");
  const Quote* dashes = Containing(a, "the vote was fair");
  ASSERT_NE(dashes, nullptr);
  ASSERT_TRUE(dashes->source.has_value());
  EXPECT_EQ(dashes->source->text, "Observers from two parties");
  Article b = Attribute("Ana Ruiz, 27, a teacher in Des Moines, said the count would be checked.");
  const Quote* aged = Containing(b, "the count would be checked");
  ASSERT_NE(aged, nullptr);
  EXPECT_EQ(aged->speaker.value_or(""), "Ana Ruiz");
  const Quote* commas = Containing(a, "turnout rose");
  ASSERT_NE(commas, nullptr);
  ASSERT_TRUE(commas->source.has_value());
  EXPECT_EQ(commas->source->text, "Local officials");
}

TEST(Attribution, TrailingSourcesWithNumbersStateAbbreviationsAndLongAppositives) {
  Article a = Attribute(
      "\"The rules were ignored,\" said 9/11 widow Nora Quill.\n\n"
      "\"The bill will pass,\" Senator Rob Tarn, R-Ky., said Tuesday.\n\n"
      "\"It is a sound plan,\" Ellen Vask, director of the Halden Center for Budget Studies and a professor "
      "at the Orrin School of Westfield University, said of the proposal.");
  const Quote* widow = Containing(a, "The rules were ignored");
  ASSERT_NE(widow, nullptr);
  EXPECT_EQ(widow->type, QuoteType::kDirect);
  EXPECT_EQ(widow->speaker.value_or(""), "Nora Quill");
  const Quote* senator = Containing(a, "The bill will pass");
  ASSERT_NE(senator, nullptr);
  EXPECT_EQ(senator->speaker.value_or(""), "Rob Tarn");
  const Quote* professor = Containing(a, "It is a sound plan");
  ASSERT_NE(professor, nullptr);
  EXPECT_EQ(professor->type, QuoteType::kDirect);
  EXPECT_EQ(professor->speaker.value_or(""), "Ellen Vask");
}

TEST(Attribution, IndirectContentEndsBeforeAnotherSpeakersClause) {
  // A horizontal bar sets off a phrase; the named speaker after it begins
  // a statement of their own.
  Article a = Attribute(
      "When Lina Moor noted that the mayor had paid no tax \xE2\x80\x95 as the records showed "
      "\xE2\x80\x95 Dan Pell boasted, \"That makes me careful.\"\n\n"
      "Rita Obi asks her son to wait and repeatedly says, \"Stay in the car,\" until help comes.");
  const Quote* noted = Containing(a, "the mayor had paid no tax");
  ASSERT_NE(noted, nullptr);
  EXPECT_EQ(noted->content.text.find("boasted"), std::string::npos) << noted->content.text;
  const Quote* boasted = Containing(a, "That makes me careful");
  ASSERT_NE(boasted, nullptr);
  EXPECT_FALSE(boasted->within.has_value());
  EXPECT_EQ(boasted->speaker.value_or(""), "Dan Pell");
  const Quote* asks = Containing(a, "to wait");
  ASSERT_NE(asks, nullptr);
  EXPECT_EQ(asks->content.text.find("Stay in the car"), std::string::npos) << asks->content.text;
  const Quote* says = Containing(a, "Stay in the car");
  ASSERT_NE(says, nullptr);
  EXPECT_FALSE(says->within.has_value());
}

TEST(Attribution, AQuotationAColonIntroducesIsAStatement) {
  Article a = Attribute(
      "Mayor Tessa Brandt waved the crowd quiet, then leaned in and boomed: \"We will rebuild this bridge.\" "
      "Section 12 of the charter affirms: \"No council may sell the water works.\" "
      "From the audit report: \"The accounts for last year were kept in good order.\"");
  const Quote* boomed = Containing(a, "We will rebuild this bridge");
  ASSERT_NE(boomed, nullptr);
  EXPECT_EQ(boomed->type, QuoteType::kDirect);
  EXPECT_EQ(boomed->speaker.value_or(""), "Tessa Brandt");
  const Quote* charter = Containing(a, "No council may sell");
  ASSERT_NE(charter, nullptr);
  ASSERT_TRUE(charter->source.has_value());
  EXPECT_NE(charter->source->text.find("charter"), std::string::npos) << charter->source->text;
  const Quote* letter = Containing(a, "The accounts for last year");
  ASSERT_NE(letter, nullptr);
  ASSERT_TRUE(letter->source.has_value());
  EXPECT_EQ(letter->source->text, "the audit report");
}

TEST(Attribution, WhoAsksWhoSeemsToSpeakAndWhoSpeaksAfterAParenthesis) {
  Article a = Attribute(
      "When asked by a reporter whether the plant would close, the manager shrugged. "
      "The Ledger is expected to endorse the challenger in the mayoral race. "
      "Ms. Orla Venn appeared to imply that the budget was padded. "
      "In a statement released Thursday, Rep. Ida Crane (D-Ore.) reacted to the vote, saying: "
      "\"We have to be ready to fight this.\"");
  const Quote* asked = Containing(a, "whether the plant would close");
  ASSERT_NE(asked, nullptr);
  ASSERT_TRUE(asked->source.has_value());
  EXPECT_EQ(asked->source->text, "a reporter");
  const Quote* endorse = Containing(a, "the challenger");
  ASSERT_NE(endorse, nullptr);
  ASSERT_TRUE(endorse->source.has_value());
  EXPECT_EQ(endorse->source->text, "The Ledger");
  const Quote* imply = Containing(a, "the budget was padded");
  ASSERT_NE(imply, nullptr);
  EXPECT_EQ(imply->speaker.value_or(""), "Orla Venn");
  const Quote* fight = Containing(a, "We have to be ready to fight this");
  ASSERT_NE(fight, nullptr);
  EXPECT_EQ(fight->speaker.value_or(""), "Ida Crane");
}

TEST(Attribution, AFrameAfterTheStatementMayCarryADescriptionCapitalsOrAs) {
  Article a = Attribute("The new album is almost finished, frontman Tobias Renn revealed.");
  const Quote* album = Containing(a, "The new album is almost finished");
  EXPECT_TRUE(album && album->speaker.value_or("") == "Tobias Renn");
  // "TODAY" in a name is not a time between subject and verb.
  Article b = Attribute("The donor gave to three campaigns, a METRO TODAY analysis shows.");
  const Quote* donor = Containing(b, "The donor gave to three campaigns");
  EXPECT_TRUE(donor && donor->source && donor->source->text == "a METRO TODAY analysis");
  Article c = Attribute("The levy is a scare tactic, as Ruth Ballard noted.");
  const Quote* levy = Containing(c, "The levy is a scare tactic");
  EXPECT_TRUE(levy && levy->speaker.value_or("") == "Ruth Ballard");
}

TEST(Attribution, AQuestionAskedIsAStatementWithoutASource) {
  Article a = Attribute("Asked whether the count was fair, most observers said yes. "
                        "Maria Lopez smiled when asked about the delays at the polls.");
  const Quote* whether = Containing(a, "the count was fair");
  ASSERT_NE(whether, nullptr);
  EXPECT_EQ(whether->content.text, "whether the count was fair");
  EXPECT_EQ(whether->cue->text, "Asked");
  EXPECT_FALSE(whether->source.has_value());
  const Quote* about = Containing(a, "the delays");
  ASSERT_NE(about, nullptr);
  EXPECT_EQ(about->content.text, "the delays at the polls");
  EXPECT_EQ(about->cue->text, "asked about");
}

TEST(Attribution, NamesInTheFrameSentenceDoNotBreakAQuoteIntoTwo) {
  Article a = Attribute("\"The vote was fair,\" Maria Lopez told CNN. \"Nobody was turned away.\"");
  const Quote* q = Containing(a, "Nobody was turned away");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(q->speaker.value_or(""), "Maria Lopez");
}

TEST(Attribution, EachConstructionFindsSpeakerCueAndType) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    Article a = Attribute(c.text);
    const Quote* q = Containing(a, c.fragment);
    ASSERT_NE(q, nullptr);
    EXPECT_EQ(q->speaker.value_or("(none)"), c.speaker ? c.speaker : "(none)");
    ASSERT_TRUE(q->cue.has_value());
    EXPECT_EQ(q->cue->text, c.cue);
    EXPECT_STREQ(QuoteTypeName(q->type), c.type);
  }
}

TEST(SpeakerResolution, PronounTakesTheSubjectNotTheObject) {
  Article a = Attribute(
      "Anna Berg met Peter Lund on Monday. She said the deal was done. "
      "Later Lund called Berg a friend when he said talks would go on.");
  const Quote* deal = Containing(a, "the deal was done");
  ASSERT_NE(deal, nullptr);
  EXPECT_EQ(deal->speaker.value_or(""), "Anna Berg");
  const Quote* talks = Containing(a, "talks would go on");
  ASSERT_NE(talks, nullptr);
  EXPECT_EQ(talks->speaker.value_or(""), "Peter Lund");
}

TEST(SpeakerResolution, SurnameAndFirstNameJoinTheFullName) {
  Article a = Attribute("Foreign Minister Olga Marin arrived. Marin said: \"Dear Olga, welcome.\"");
  ASSERT_FALSE(a.people.empty());
  const Person& p = a.people[0];
  EXPECT_EQ(p.name, "Olga Marin");
  EXPECT_EQ(p.titles, std::vector<std::string>{"Foreign Minister"});
  EXPECT_NE(std::find(p.aliases.begin(), p.aliases.end(), "Marin"), p.aliases.end());
  EXPECT_EQ(p.gender, "female");
}

TEST(SpeakerResolution, NextQuoteInTheParagraphContinuesTheStatement) {
  Article a = Attribute("\"We will win,\" said Maria Lopez. \"Nobody can stop this movement now.\"");
  const Quote* q = Containing(a, "Nobody can stop");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker.value_or(""), "Maria Lopez");
  EXPECT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(q->parts[0].text, "\"We will win,\"");
}

TEST(SpeakerResolution, AnUnnamedSourceContinuesOnlyInItsParagraph) {
  // "the senior adviser" names no one: the next quotation in the paragraph
  // is still the adviser's, as the next part; a quoted paragraph after it
  // is left alone, as is one after another person is named.
  Article a = Attribute(
      "\"Politicians are practical people,\" said the senior adviser. \"They want to win the race.\"\n\n"
      "\"Nobody can stop this movement now.\"\n\n"
      "\"The vote was close,\" said the spokeswoman. Maria Lopez left. \"We will appeal the ruling.\"");
  const Quote* q = Containing(a, "They want to win");
  ASSERT_NE(q, nullptr);
  ASSERT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(q->parts[0].text, "\"Politicians are practical people,\"");
  ASSERT_TRUE(q->source);
  EXPECT_EQ(q->source->text, "the senior adviser");
  const Quote* next = Containing(a, "Nobody can stop");
  EXPECT_TRUE(next == nullptr || next->parts.empty());
  const Quote* appeal = Containing(a, "We will appeal");
  EXPECT_TRUE(appeal == nullptr || appeal->content.text.find("The vote was close") == std::string::npos);
}

TEST(SpeakerResolution, QuotedParagraphAfterADirectQuoteJoinsIt) {
  Article a = Attribute("\"We will win,\" said Maria Lopez.\n\n\"Nobody can stop this movement now.\"");
  const Quote* q = Containing(a, "Nobody can stop");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker.value_or(""), "Maria Lopez");
  EXPECT_EQ(q->parts.size(), 2u);
}

TEST(SpeakerResolution, QuoteParagraphAfterAMixedQuoteContinuesTheSpeaker) {
  Article a = Attribute("Maria Lopez said the vote was \"fair and final.\"\n\n\"Nobody can stop this movement now.\"");
  const Quote* q = Containing(a, "Nobody can stop");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker.value_or(""), "Maria Lopez");
  EXPECT_EQ(q->attribution, "continuation");
  EXPECT_TRUE(q->parts.empty());
}

TEST(Attribution, ScareQuotesAndTitlesHaveNoSpeaker) {
  Article a = Attribute("The so-called \"reforms\" failed. The film \"Dark Water\" opens soon.");
  for (const Quote& q : a.quotes) EXPECT_FALSE(q.speaker.has_value()) << q.content.text;
}

TEST(TimeResolution, WeekdaysAndYesterdayResolveAgainstTheArticleDate) {
  Article a = Attribute("Maria Lopez said on Friday that rain fell yesterday.", "2025-03-01");
  ASSERT_EQ(a.events.size(), 2u);
  EXPECT_EQ(a.events[0].span.text, "on Friday");
  EXPECT_EQ(a.events[0].date.value_or(""), "2025-02-28");
  EXPECT_EQ(a.events[1].date.value_or(""), "2025-02-28");
  const Quote* q = Containing(a, "rain fell");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->date.value_or(""), "2025-02-28");
}

TEST(TimeResolution, ATimeOpeningTheSentenceDatesTheStatement) {
  Article a = Attribute("On Friday, Maria Lopez said the bridge would reopen.", "2025-03-01");
  const Quote* q = Containing(a, "the bridge would reopen");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->date.value_or(""), "2025-02-28");
  // Before a statement that precedes its frame, the time is the content's.
  a = Attribute("On Friday, the bridge reopened, Maria Lopez said.", "2025-03-01");
  q = Containing(a, "the bridge reopened");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->date.has_value());
}

TEST(Attribution, StatementReportedInsideAnotherPointsToIt) {
  Article a = Attribute("Maria Lopez said that the mayor believes the bridge is safe. "
                        "The engineers think otherwise.");
  const Quote* outer = Containing(a, "the mayor believes");
  const Quote* inner = Containing(a, "the bridge is safe");
  const Quote* own = Containing(a, "otherwise");
  ASSERT_NE(outer, nullptr);
  ASSERT_NE(inner, nullptr);
  ASSERT_NE(own, nullptr);
  ASSERT_NE(outer, inner);
  EXPECT_EQ(outer->speaker.value_or(""), "Maria Lopez");
  EXPECT_FALSE(outer->within.has_value());
  ASSERT_TRUE(inner->within.has_value());
  EXPECT_EQ(&a.quotes[*inner->within], outer);
  EXPECT_FALSE(own->within.has_value());
}

TEST(Attribution, QuotesSideBySideAreNotWithinEachOther) {
  Article a = Attribute("\"The water rose,\" Maria Lopez said. Tom Berg said the wall held.");
  ASSERT_EQ(a.quotes.size(), 2u);
  for (const Quote& q : a.quotes) EXPECT_FALSE(q.within.has_value()) << q.content.text;
}

TEST(Attribution, InterruptedQuoteHasTwoParts) {
  Article a = Attribute("\"The water rose,\" Maria Lopez said, \"but the wall held.\"");
  const Quote* q = Containing(a, "the wall held");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->parts.size(), 2u);
  EXPECT_EQ(q->speaker.value_or(""), "Maria Lopez");
}

TEST(Attribution, StatementInsideBracketsEndsAtTheClosingBracket) {
  // (... said that ...) : the closing bracket ends the aside, not the content.
  Article a = Attribute("The ferry was late again. (The harbor master said that the engine had failed.) Repairs began.");
  const Quote* q = Containing(a, "the engine had failed");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text.find(')'), std::string::npos) << q->content.text;
}

TEST(Attribution, ThatBeforeAnInterruptingPhraseStaysWithTheContent) {
  Article a = Attribute("The auditor found that, in most districts, the schools had overspent.");
  EXPECT_EQ(ContentOf(a, "the schools had overspent"), "that, in most districts, the schools had overspent");
}

TEST(Attribution, QuotationAfterThatKeepsTheThat) {
  Article a = Attribute("The engineer said that \u201cthe old pumps will not last another winter.\u201d");
  const Quote* q = Containing(a, "the old pumps");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text.rfind("that ", 0), 0u) << q->content.text;
}

TEST(Attribution, QuantifierAfterTheCueOpensTheContent) {
  Article a = Attribute("The report showed just how small the surplus had become. "
                        "The mayor called himself a friend of the cyclists.");
  EXPECT_EQ(ContentOf(a, "how small the surplus"), "just how small the surplus had become");
  EXPECT_EQ(ContentOf(a, "a friend of the cyclists"), "himself a friend of the cyclists");
}

TEST(Attribution, PassiveWithAsMakesTheSubjectPartOfTheContent) {
  Article a = Attribute("The harbor master is seen as the favorite for the council seat.");
  const Quote* q = Containing(a, "the favorite for the council seat");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text.rfind("The harbor master", 0), 0u) << q->content.text;
  EXPECT_EQ(q->parts.size(), 2u);
  EXPECT_FALSE(q->speaker.has_value()) << q->speaker.value_or("");
}

TEST(Attribution, MixedContentEndsBeforeTheQuotationsOwnAttribution) {
  Article a = Attribute("The neighbors called the plan \u201ca waste of good money,\u201d Maria said as she left the hall.");
  const Quote* q = Containing(a, "the plan");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text.find("Maria"), std::string::npos) << q->content.text;
}

TEST(Attribution, ContentStopsBeforeABracketedCreditAfterItsPeriod) {
  Article a = Attribute("The columnist explains where the votes came from in the county. [Gazette.] The next piece is on taxes.");
  const Quote* q = Containing(a, "where the votes came from");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text.find("Gazette"), std::string::npos) << q->content.text;
}

// The fuzzer found ParticipleSubject and SourceLeftOf reading the token
// before the first one (UBSan, under the sanitizer build) when the text
// opens with a participle cue or with a closing bracket before a cue.
TEST(Attribution, ACueAtTheStartOfTheTextReadsNoTokenBeforeIt) {
  for (const std::string text : {"According to the central bank, inflation will f",
                                 "According to the central bank, inflation will rise next year.",
                                 ") said the spokesman on Monday."}) {
    Article a = Attribute(text);
    for (const Quote& q : a.quotes) {
      EXPECT_EQ(q.content.text.empty(), false) << text;
    }
  }
  EXPECT_EQ(SourceOf("According to the central bank, inflation will rise next year.", "inflation will rise"),
            "the central bank");
}

TEST(Attribution, ThePassiveAskedNamesWhomTheQuestionWasPutTo) {
  Article a = Attribute("Governor Ana Ruiz was asked to name one bridge her plan would repair.");
  const Quote* q = Containing(a, "to name one bridge");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->source.has_value()) << q->source->text;
  EXPECT_EQ(q->addressee.value_or(""), "Ana Ruiz");
  EXPECT_EQ(q->content.text.rfind("Governor Ana Ruiz", 0), 0u) << q->content.text;
  a = Attribute("The harbor master has repeatedly been asked whether the port will close.");
  q = Containing(a, "whether the port will close");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->source.has_value()) << q->source->text;
  EXPECT_EQ(q->content.text, "whether the port will close");
  a = Attribute("Harbor chair Ana Ruiz was asked about the dredging contract on Friday.");
  q = Containing(a, "the dredging contract");
  ASSERT_NE(q, nullptr);
  EXPECT_FALSE(q->speaker.has_value()) << *q->speaker;
  EXPECT_EQ(q->addressee.value_or(""), "Ana Ruiz");
  // With its agent the asker speaks, and the active verb is unchanged.
  EXPECT_EQ(SourceOf("Ruiz was asked by reporters whether the port will close.", "whether the port"), "reporters");
  EXPECT_EQ(SourceOf("Ruiz asked the harbor master whether the port will close.", "whether the port"), "Ruiz");
}

TEST(Attribution, FirstPersonAndItSourcesNameNobody) {
  Article a = Attribute("I told the mayor that the bridge was unsafe. We said the vote was rigged. "
                        "It said the port would close. You know the rest.");
  for (const char* fragment : {"the bridge was unsafe", "the vote was rigged", "the port would close"}) {
    const Quote* q = Containing(a, fragment);
    ASSERT_NE(q, nullptr) << fragment;
    ASSERT_TRUE(q->source.has_value()) << fragment;  // The span stays, as PolNeAR marks it.
    EXPECT_FALSE(q->speaker.has_value()) << fragment << ": " << q->speaker.value_or("");
  }
  for (const Person& p : a.people) {
    EXPECT_TRUE(p.name != "I" && p.name != "We" && p.name != "It" && p.name != "You") << p.name;
  }
}

TEST(Transcript, AnswersAreTheIntervieweesAndQuestionsArePutToThem) {
  Article a = Attribute(
      "Harbor commissioner Lena Ortiz spoke to the Gazette on Friday about the port. Ortiz has run the port "
      "since 2019.\n\n"
      "Q: Will the port close this winter?\n\n"
      "A: No. The storm damage is repaired, and every berth is open.\n\n"
      "Q: You said last week that the budget was short. By how much?\n\n"
      "A: I will not give a figure. I think the council knows it.\n");
  const Quote* answer = Containing(a, "The storm damage is repaired");
  ASSERT_NE(answer, nullptr);
  EXPECT_EQ(answer->type, QuoteType::kDirect);
  EXPECT_EQ(answer->speaker.value_or(""), "Lena Ortiz");
  EXPECT_EQ(answer->content.text, "No. The storm damage is repaired, and every berth is open");
  ASSERT_TRUE(answer->cue.has_value());
  EXPECT_EQ(answer->cue->text, "A:");
  const Quote* question = Containing(a, "Will the port close this winter");
  ASSERT_NE(question, nullptr);
  EXPECT_FALSE(question->speaker.has_value()) << *question->speaker;
  EXPECT_EQ(question->addressee.value_or(""), "Lena Ortiz");
  // "I" in an answer and "you" in a question name the interviewee.
  const Quote* think = Containing(a, "the council knows it");
  ASSERT_NE(think, nullptr);
  ASSERT_NE(think, Containing(a, "I will not give a figure"));
  EXPECT_EQ(think->speaker.value_or(""), "Lena Ortiz");
  const Quote* said = Containing(a, "the budget was short");
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(said->speaker.value_or(""), "Lena Ortiz");
}

TEST(Transcript, CapitalLabelsSpeakOnceEach) {
  Article a = Attribute(
      "Senator Paul Grady and the host Nora Fenn spoke on Sunday.\n\n"
      "FENN: Will you vote for the bridge bill?\n\n"
      "GRADY: I will. I think it is overdue, and the county needs it.\n\n"
      "FENN: Thank you, Senator.\n");
  const Quote* grady = Containing(a, "I will. I think");
  ASSERT_NE(grady, nullptr);
  EXPECT_EQ(grady->speaker.value_or(""), "Paul Grady");
  EXPECT_EQ(grady->content.text, "I will. I think it is overdue, and the county needs it");
  const Quote* think = Containing(a, "it is overdue");
  ASSERT_NE(think, nullptr);
  EXPECT_NE(think, grady);
  EXPECT_EQ(think->speaker.value_or(""), "Paul Grady");
  int fenn = 0;
  for (const Quote& q : a.quotes) {
    if (q.speaker.value_or("") == "Nora Fenn" && q.type == QuoteType::kDirect) ++fenn;
  }
  EXPECT_EQ(fenn, 2);
  int thank = 0;
  for (const Quote& q : a.quotes) thank += q.content.text.find("Thank you") != std::string::npos;
  EXPECT_EQ(thank, 1);
}

TEST(Transcript, OneLabelOrAQuestionAloneIsNoTranscript) {
  Article a = Attribute("The council met on Monday.\n\nUPDATE: The vote was moved to Friday.\n\n"
                        "NOTE: Minutes are online.\n");
  EXPECT_EQ(Containing(a, "The vote was moved"), nullptr);
  a = Attribute("Mayor Ana Ruiz spoke on Monday.\n\nQ: What comes next?\n\nThe answer came later.\n");
  EXPECT_EQ(Containing(a, "What comes next"), nullptr);
}

TEST(Attribution, TheOrganizationsChiefNamesWhoeverLeadsIt) {
  Article a = Attribute(
      "NATO Secretary General Mark Rutte met ministers on Friday. The NATO chief said the alliance would hold. "
      "Federal Reserve Chair Jerome Powell spoke later. The Fed chief said rates would stay where they are. "
      "The Army chief said the drills would go ahead.");
  EXPECT_EQ(SpeakerOf(a, "the alliance would hold"), "Mark Rutte");
  EXPECT_EQ(SpeakerOf(a, "rates would stay"), "Jerome Powell");
  // No one here leads the Army.
  EXPECT_EQ(SpeakerOf(a, "the drills would go ahead"), "(no speaker)");
}

TEST(Transcript, ALabelNobodyNamedIsAPersonInTitleCase) {
  Article a = Attribute(
      "The host spoke with the senator on Sunday.\n\nNORA FENN: Will you vote for the bill?\n\n"
      "GRADY: I will. I think the county needs it.\n\nFENN: Thank you.\n");
  EXPECT_EQ(SpeakerOf(a, "Will you vote for the bill"), "Nora Fenn");
  EXPECT_EQ(SpeakerOf(a, "Thank you"), "Nora Fenn");
  EXPECT_EQ(SpeakerOf(a, "the county needs it"), "Grady");
  bool person = false;
  for (const Person& p : a.people) person = person || (p.name == "Nora Fenn" && !p.is_organization);
  EXPECT_TRUE(person);
}

TEST(Attribution, SpokeToSomeoneAboutATopicSaysTheTopic) {
  Article a = Attribute("On Monday, Mayor Ana Ruiz spoke to the Harbor Board about the dredging plan.");
  const Quote* q = Containing(a, "the dredging plan");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->content.text, "the dredging plan");
  EXPECT_EQ(q->speaker.value_or(""), "Ana Ruiz");
  EXPECT_EQ(q->addressee.value_or(""), "Harbor Board");
}

TEST(Attribution, AGroupNounOpeningTheSentenceNamesNobody) {
  Article a = Attribute("Officials said the port would close. Critics said the plan was weak. "
                        "Democrats said the vote was rigged. The mayor added: Residents say the water is brown.");
  for (const char* fragment : {"the port would close", "the plan was weak", "the water is brown"}) {
    const Quote* q = Containing(a, fragment);
    ASSERT_NE(q, nullptr) << fragment;
    ASSERT_TRUE(q->source.has_value()) << fragment;
    EXPECT_FALSE(q->speaker.has_value()) << fragment << ": " << *q->speaker;
  }
  // A party is an organisation that speaks.
  EXPECT_EQ(SpeakerOf(a, "the vote was rigged"), "Democrats");
}

TEST(Attribution, AWeekdayBeforeANameIsNoPartOfIt) {
  Article a = Attribute("Mayor Ana Ruiz toured the bridge on Monday. On Thursday Ruiz said the bridge would reopen.");
  EXPECT_EQ(SpeakerOf(a, "the bridge would reopen"), "Ana Ruiz");
  for (const Person& p : a.people) EXPECT_EQ(p.name.find("Thursday"), std::string::npos) << p.name;
}

}  // namespace
}  // namespace whosaid
