// Each construction of the attribution finder (extract/constructions.hpp)
// with a table of sentences and what a careful reader marks in them (cue,
// source, content), in the manner of re2's parse tests. Every row must be
// found with all constructions on; switching a construction off must lose at
// least one of its rows, so no construction is dead weight and each row
// tests the construction it names. The sentences are written for this table.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/spans.hpp"
#include "extract/constructions.hpp"
#include "extract/extractor.hpp"
#include "report/analysis_render.hpp"

using claimtrail::core::span_text;
using claimtrail::extract::Construction;
using claimtrail::extract::Extractor;

namespace {

struct Row {
  std::string_view construction;
  std::string_view text;
  std::string_view cue, source, content;  // source "" for none; fragments joined by " … "
};

// (“ ” ‘ ’ ― are written as UTF-8 escapes.)
const Row kRows[] = {
    {"speaker-label", "Transcript of the briefing\n\nMORALES: We will not raise the fare this year.\n", ":", "MORALES",
     "We will not raise the fare this year."},
    {"speaker-label", "Radio interview\n\nQUINN: The depot closes in June.\n\nHOST: Will anyone lose a job?\n", ":",
     "QUINN", "The depot closes in June."},
    {"speaker-label", "Interview with the harbour master\n\nQ: When will the channel reopen?\n", ":", "Q",
     "When will the channel reopen?"},
    {"according-to", "The bridge will close for repairs in May, according to the transport agency.\n", "according to",
     "the transport agency", "The bridge will close for repairs in May"},
    {"according-to", "According to court filings, the firm owed $3 million in back taxes.\n", "According to",
     "court filings", "the firm owed $3 million in back taxes"},
    {"inverted", "\xE2\x80\x9CWe are ready to sign,\xE2\x80\x9D said Elena Marsh, the union\xE2\x80\x99s negotiator.\n",
     "said", "Elena Marsh, the union\xE2\x80\x99s negotiator", "\xE2\x80\x9CWe are ready to sign,\xE2\x80\x9D"},
    // British style: single marks, a double-quoted quotation nested inside
    {"inverted",
     "Flood fund\n\n\xE2\x80\x98The minister told us, \xE2\x80\x9CIt will be paid by June,\xE2\x80\x9D and nobody "
     "was paid,\xE2\x80\x99 said Ana Ruiz, a shop owner.\n",
     "said", "Ana Ruiz, a shop owner",
     "\xE2\x80\x98The minister told us, \xE2\x80\x9CIt will be paid by June,\xE2\x80\x9D and nobody was "
     "paid,\xE2\x80\x99"},
    {"inverted", "The strike will end on Friday, said a spokesman for the drivers.\n", "said",
     "a spokesman for the drivers", "The strike will end on Friday"},
    {"content-first", "The plant will reopen next week, the company said.\n", "said", "the company",
     "The plant will reopen next week"},
    {"content-first", "Prices rose 4 percent in March, economists at the bank said on Tuesday.\n", "said",
     "economists at the bank", "Prices rose 4 percent in March"},
    // (A quotation split by its cue and a comma is content-first with a
    // trailing quotation; split-quote is the one without the comma.)
    {"content-first",
     "\xE2\x80\x9CWe tried,\xE2\x80\x9D the mayor said, \xE2\x80\x9C"
     "but the money ran out.\xE2\x80\x9D\n",
     "said", "the mayor",
     "\xE2\x80\x9CWe tried,\xE2\x80\x9D \xE2\x80\xA6 \xE2\x80\x9C"
     "but the money ran out.\xE2\x80\x9D"},
    // a strong cue inside the content comes second to the one closing the clause
    {"content-first", "Inspectors found that the dampers did not close, one of them said.\n", "said", "one of them",
     "Inspectors found that the dampers did not close"},
    {"split-quote",
     "\xE2\x80\x9CWe tried,\xE2\x80\x9D the mayor said \xE2\x80\x9C"
     "but the money ran out.\xE2\x80\x9D\n",
     "said", "the mayor",
     "\xE2\x80\x9CWe tried,\xE2\x80\x9D \xE2\x80\xA6 \xE2\x80\x9C"
     "but the money ran out.\xE2\x80\x9D"},
    {"split-quote",
     "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D the chief executive told staff \xE2\x80\x9C"
     "and nobody will lose a "
     "job.\xE2\x80\x9D\n",
     "told", "the chief executive",
     "\xE2\x80\x9CWe will rebuild,\xE2\x80\x9D \xE2\x80\xA6 \xE2\x80\x9C"
     "and nobody will lose a job.\xE2\x80\x9D"},
    {"expectation", "The council is said to favour the budget.\n", "is said", "",
     "The council \xE2\x80\xA6 to favour the budget"},
    {"shared-subject", "The minister said the talks had stalled and added that no new date was set.\n", "added",
     "The minister", "that no new date was set"},
    {"participle-subject", "The residents sued the city, alleging that the permit was unlawful.\n", "alleging",
     "The residents", "that the permit was unlawful"},
    {"coordinated-verb", "The agency did not comment on the report but said it would review the findings.\n", "said",
     "The agency", "it would review the findings"},
    {"source-first", "The governor said that the state would cover the cost.\n", "said", "The governor",
     "that the state would cover the cost"},
    // a bare noun phrase before the comma is the source, not a content said
    {"source-first", "Report\n\nThe union's spokesman, Jane Doe, called for the mayor to resign.\n", "called for",
     "The union's spokesman, Jane Doe", "the mayor to resign"},
    {"source-first", "Two nurses told reporters the ward had been short of staff for months.\n", "told", "Two nurses",
     "the ward had been short of staff for months"},
    {"embedded", "Officials said a report found that the dam was unsafe.\n", "found", "a report",
     "that the dam was unsafe"},
    // a past perfect whose subject is a pronoun for the speaker stays in the content
    {"source-first", "Funds\n\nThe minister replied that the fund was open and that he had asked officials to hurry.\n",
     "replied", "The minister", "that the fund was open and that he had asked officials to hurry"},
    {"embedded", "The lawyer said the firm would appeal, but the regulator said the fine would stand.\n", "said",
     "the regulator", "the fine would stand"},
    {"continued-quote",
     "\xE2\x80\x9CWe waited two years,\xE2\x80\x9D said Ana Ruiz, a parent. \xE2\x80\x9CNobody answered our "
     "letters.\xE2\x80\x9D\n",
     "said", "Ana Ruiz, a parent",
     "\xE2\x80\x9CWe waited two years,\xE2\x80\x9D \xE2\x80\xA6 \xE2\x80\x9CNobody answered our letters.\xE2\x80\x9D"},
    {"more-in-sentence",
     "\xE2\x80\x9CWe will appeal,\xE2\x80\x9D the lawyer said, as the regulator insisted that the fine would "
     "stand.\n",
     "insisted", "the regulator", "that the fine would stand"},
    {"more-in-sentence",
     "The plant will close in June, the company said, while the union warned that 300 jobs were at risk.\n", "warned",
     "the union", "that 300 jobs were at risk"},
    {"floating-quote",
     "Budget cuts\n\n\xE2\x80\x9CWe had no choice,\xE2\x80\x9D said Mayor Ana Ruiz.\n\n\xE2\x80\x9CNobody wanted "
     "this.\xE2\x80\x9D\n",
     "", "", "\xE2\x80\x9CNobody wanted this.\xE2\x80\x9D"},
    {"dash-signed",
     "Letters on the fare rise\n\n\xE2\x80\x9CThe rise is too steep for families.\xE2\x80\x9D \xE2\x80\x95 Joan Pike, "
     "Leeds\n",
     "\xE2\x80\x95", "Joan Pike", "\xE2\x80\x9CThe rise is too steep for families.\xE2\x80\x9D"},
};

// Does `ex` find the row's attribution (the same cue, source and content)?
bool finds(const Extractor& ex, const Row& row) {
  const std::string text(row.text);
  const auto a = ex.analyse(text);
  for (const auto& at : a.attributions) {
    const std::string source = at.source ? span_text(text, at.source->spans) : std::string();
    if (span_text(text, at.cue) == row.cue && source == row.source && span_text(text, at.content) == row.content)
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("constructions: every row of the table is found with all constructions on") {
  const Extractor ex;
  for (const Row& row : kRows) {
    INFO(row.construction << ": " << row.text);
    CHECK(claimtrail::extract::construction_named(row.construction));
    CHECK(finds(ex, row));
  }
}

TEST_CASE("constructions: each has rows, and switching it off loses one of them") {
  for (const auto& c : claimtrail::extract::kConstructions) {
    INFO("construction " << c.name);
    Extractor without;
    without.set_construction(c.id, false);
    int rows = 0, lost = 0;
    for (const Row& row : kRows)
      if (row.construction == c.name) {
        ++rows;
        if (!finds(without, row)) ++lost;
      }
    CHECK(rows > 0);
    CHECK(lost > 0);
  }
}

TEST_CASE("a floating quotation has no cue and no source of its own; its speaker is the previous paragraph's") {
  const std::string text =
      "Budget cuts\n\n\xE2\x80\x9CWe had no choice,\xE2\x80\x9D said Mayor Ana Ruiz.\n\n\xE2\x80\x9CNobody wanted "
      "this.\xE2\x80\x9D\n\n\xE2\x80\x9C"
      "And nobody will forget it.\xE2\x80\x9D\n";
  const Extractor ex;
  const auto j = claimtrail::report::to_json(ex.analyse(text), text, "t");
  int floating = 0;
  for (const auto& a : j["attributions"]) {
    if (!a["cue"].is_null()) continue;
    ++floating;
    CHECK(a["source"].is_null());
    REQUIRE(a["speaker"].is_object());
    CHECK(a["speaker"]["category"] == "named_person");
    std::string name;
    for (const auto& e : j["entities"])
      if (e["id"] == a["speaker"]["entity"]) name = e["name"];
    CHECK(name == "Ana Ruiz");
  }
  CHECK(floating == 2);  // one after the other: the second continues the first's speaker
}

TEST_CASE("a cue word after a determiner is a noun, not a cue") {
  const Extractor ex;
  for (const std::string text : {"Repairs\n\nThe report on the bridge was finished in May.\n",
                                 "Radio\n\nIts signal reached the coast, which surprised the engineers.\n",
                                 "Roads\n\nThe state paid for the repairs, which cost the county nothing.\n"}) {
    CAPTURE(text);
    CHECK(ex.analyse(text).attributions.empty());
  }
}

TEST_CASE("a knight or dame called by the first name is the person named in full before") {
  const std::string text =
      "Floods\n\nSir Hugh Pendry, a backbencher, said the delays were harmful.\n\n\"We need the money now,\" said "
      "Sir Hugh.\n";
  const auto a = Extractor().analyse(text);
  REQUIRE(a.attributions.size() == 2);
  REQUIRE(a.attributions[0].source.has_value());
  REQUIRE(a.attributions[1].source.has_value());
  CHECK(a.attributions[0].source->entity >= 0);
  CHECK(a.attributions[0].source->entity == a.attributions[1].source->entity);
  CHECK(a.entities[static_cast<std::size_t>(a.attributions[0].source->entity)].name == "Hugh Pendry");
}

namespace {
// The first attribution whose content starts with `start`; null when none.
const claimtrail::core::Attribution* attribution_of(const claimtrail::core::Analysis& a, std::string_view text,
                                                    std::string_view start) {
  for (const auto& at : a.attributions)
    if (!at.content.empty() && text.substr(at.content.front().start, start.size()) == start) return &at;
  return nullptr;
}

// The name of the entity behind the attribution whose content starts with `start`.
std::string speaker_of(const claimtrail::core::Analysis& a, std::string_view text, std::string_view start) {
  const auto* at = attribution_of(a, text, start);
  if (!at) return "(not found)";
  if (!at->source || at->source->entity < 0) return "(none)";
  return a.entities[static_cast<std::size_t>(at->source->entity)].name;
}

// The source text of the attribution whose content starts with `start`.
std::string source_of(const claimtrail::core::Analysis& a, std::string_view text, std::string_view start) {
  const auto* at = attribution_of(a, text, start);
  if (!at) return "(not found)";
  if (!at->source || at->source->spans.empty()) return "(none)";
  const auto& sp = at->source->spans.front();
  return std::string(text.substr(sp.start, sp.end - sp.start));
}

// The content fragments of the attribution whose content starts with `start`.
std::vector<std::string> fragments_of(const claimtrail::core::Analysis& a, const std::string& text,
                                      std::string_view start) {
  std::vector<std::string> out;
  for (const auto& at : a.attributions)
    if (!at.content.empty() && text.substr(at.content.front().start, start.size()) == start)
      for (const auto& f : at.content) out.push_back(text.substr(f.start, f.end - f.start));
  return out;
}

// The category of the source of the attribution whose content starts with `start`.
std::string category_of(const std::string& text, std::string_view start) {
  const auto a = Extractor().analyse(text);
  for (const auto& at : a.attributions)
    if (!at.content.empty() && text.substr(at.content.front().start, start.size()) == start && at.source)
      return std::string(claimtrail::core::to_string(at.source->category));
  return "(not found)";
}
}  // namespace

TEST_CASE("a pronoun goes back to a person named after an opening adverbial, not to the adverbial") {
  const std::string text =
      "The keeper\n\nEvery Friday at dawn, Mira Tolland unlocks the lighthouse door.\n\n"
      "\"The lamp has not failed once,\" she says.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"The lamp") == "Mira Tolland");
  for (const auto& e : a.entities) CHECK(e.name.find("Friday") == std::string::npos);
}

TEST_CASE("a surname opening a sentence is the person named in full before, for a later pronoun") {
  const std::string text =
      "The keeper\n\nMira Tolland has kept the light for 30 years. Her assistant is Jonas Brede.\n\n"
      "Councillor Ada Wren said the council would sell the lighthouse.\n\n"
      "Tolland shrugs when she hears this. \"They will need a buyer first,\" she says.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"They will") == "Mira Tolland");
}

TEST_CASE("a role description speaks for the person named with that role, even outside any attribution") {
  const std::string text =
      "Talks end\n\nThe talks were held between Foreign Minister Ana Brel of Velland and Tomas Hark, "
      "Osmark's trade minister, and chaired by Ilse Varga, a retired judge.\n\n"
      "The trade minister said tariffs would fall in March.\n\n"
      "The retired judge said both sides had signed.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "tariffs") == "Tomas Hark");
  CHECK(speaker_of(a, text, "both sides") == "Ilse Varga");
}

TEST_CASE("a month before an appositive is no person") {
  const std::string text =
      "Repairs\n\nThe valves were replaced, said an engineer who asked not to be named.\n\n"
      "Crews have worked extra shifts since January, the engineer said.\n";
  const auto a = Extractor().analyse(text);
  for (const auto& e : a.entities) CHECK(e.name != "January");
  CHECK(speaker_of(a, text, "Crews") != "January");
}

TEST_CASE("one government is not the pair that spoke before it") {
  const std::string text =
      "Radar deal\n\nVelland and Osmark will share radar data, both governments said on Friday.\n\n"
      "In a statement, the Osmark government said the stations would open in June.\n";
  const auto a = Extractor().analyse(text);
  REQUIRE(a.attributions.size() == 2);
  REQUIRE(a.attributions[0].source.has_value());
  REQUIRE(a.attributions[1].source.has_value());
  CHECK(a.attributions[0].source->entity != a.attributions[1].source->entity);
}

TEST_CASE("an interview's Q is the person the introduction says put the questions") {
  const std::string text =
      "Interview\n\nRuth Ambler, the port's director, spoke to the Gazette. Questions by Piet Lorenz (Q), "
      "the Gazette's harbour reporter.\n\nQ: When will the crane be repaired?\n\n"
      "AMBLER: In May, if the parts arrive.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "When will") == "Piet Lorenz");
  CHECK(speaker_of(a, text, "In May") == "Ruth Ambler");
}

TEST_CASE("titles of several words are left out of the person's name") {
  const std::string text =
      "Results\n\nProfit rose 4%, Chief Financial Officer Lena Marsk said on Monday.\n\n"
      "Sales will grow, Town Manager Olaf Renn said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "Profit") == "Lena Marsk");
  CHECK(speaker_of(a, text, "Sales") == "Olaf Renn");
}

TEST_CASE("a role with a possessor speaks for the person named with it") {
  const std::string text =
      "Derby\n\nTovey scored twice after Harwick manager Ross Pellow sent him on at half-time.\n\n"
      "\"He was patient,\" his manager said.\n\n"
      "The deal was signed by Velmar Chief Executive Ines Kolb and Arto Lind, the seller's founder.\n\n"
      "Velmar's chief executive said no depot would close.\n\n"
      "Norland's fisheries minister, Pia Sand, joined the talks. The fisheries minister said quotas would rise.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"He was") == "Ross Pellow");
  CHECK(speaker_of(a, text, "no depot") == "Ines Kolb");
  CHECK(speaker_of(a, text, "quotas") == "Pia Sand");
}

TEST_CASE("a surname after a possessive full name is that person") {
  const std::string text =
      "Match\n\nKai Dorren's header won the game on Saturday.\n\n"
      "\"I was lucky,\" Dorren said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"I was") == "Kai Dorren");
}

TEST_CASE("an interview's Q is the person an introduction says conducted it") {
  const std::string text =
      "Ice\n\nDr Ana Voss leads the survey. Interview by Jon Halder, science correspondent.\n\n"
      "Q: How much ice was lost?\n\nVOSS: Two metres at the centre.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "How much") == "Jon Halder");
}

TEST_CASE("source categories: a country WordNet knows, a body its appositive names, groups opening a sentence") {
  CHECK(category_of("Talks\n\nRussia said the talks would resume in May.\n", "the talks") == "named_organization");
  CHECK(category_of("Visas\n\nNorland Visa and Residence Services, the agency that issues permits, said fees would "
                    "rise.\n",
                    "fees") == "named_organization");
  CHECK(category_of("Budget\n\nSir Ian Rook, a government backbencher, said the cuts were wrong.\n", "the cuts") ==
        "named_person");
  CHECK(category_of("Tolls\n\nProponents, including the Harbour Drivers Union, say the toll is fair.\n", "the toll") ==
        "unnamed_group");
  CHECK(category_of("Mayor\n\nThose close to him said he would run again.\n", "he would") == "unnamed_group");
}

TEST_CASE("a lede's description of its speaker is the person named in the next sentence") {
  const std::string text =
      "Plan\n\nA former party chairman says the party needs a plan.\n\n"
      "\"Now is the time,\" said Tom Arvel, who led the party from 1995 to 1997.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "the party needs") == "Tom Arvel");
}

TEST_CASE("a document with a participle before its author is a document") {
  const std::string text =
      "Fraud\n\nThe firm misled investors, according to a civil complaint filed by the Harbour Securities "
      "Commission.\n";
  const auto a = Extractor().analyse(text);
  REQUIRE(a.attributions.size() == 1);
  REQUIRE(a.attributions[0].source.has_value());
  CHECK(a.attributions[0].source->category == claimtrail::core::SourceCategory::document);
  CHECK_FALSE(a.attributions[0].source->anonymous);
}

TEST_CASE("a one-word name used as a place or a state elsewhere speaks as its government") {
  CHECK(category_of("Border\n\nTalks were held in Velmark on Friday.\n\nVelmark said the border would reopen.\n",
                    "the border") == "named_organization");
  CHECK(category_of("Border\n\nVelmark's interior minister met the envoy.\n\nVelmark said the border would reopen.\n",
                    "the border") == "named_organization");
  // a person whose name stands before "said the government" is still a person
  CHECK(category_of("Water\n\nMinister Ana Roslund spoke on Monday. Roslund said the government would borrow.\n",
                    "the government") == "named_person");
}

TEST_CASE("a name taking 'which' is no person") {
  CHECK(category_of("Spray\n\nTorvik Agrochem, which makes the spray, said the doses were too high.\n", "the doses") ==
        "named_organization");
  CHECK(category_of("Ferry\n\nRuth Marsh said the ferry would run on Sunday.\n", "the ferry") == "named_person");
}

TEST_CASE("a name opening with a word that owns a board or shareholders elsewhere is a company") {
  const std::string text =
      "Recall\n\nTalvik's board met on Monday.\n\nTalvik Motion said it would recall 4,000 bicycles.\n\n"
      "A relative clause: the recall was first reported by the Harbour Post, which first reported it on Friday.\n";
  const auto a = Extractor().analyse(text);
  bool company = false;
  for (const auto& at : a.attributions)
    if (at.source && claimtrail::core::span_text(text, at.source->spans) == "Talvik Motion")
      company = at.source->category == claimtrail::core::SourceCategory::named_organization;
  CHECK(company);
}

TEST_CASE(
    "a restrictive relative clause belongs to the source; an object relative or the clause's own subject does not") {
  auto source_of = [](const std::string& text) {
    const auto a = Extractor().analyse(text);
    return a.attributions.empty() || !a.attributions[0].source
               ? std::string("(none)")
               : claimtrail::core::span_text(text, a.attributions[0].source->spans);
  };
  CHECK(source_of("Flats\n\nSeveral residents who spoke at the meeting said the flats were too tall.\n") ==
        "Several residents who spoke at the meeting");
}

TEST_CASE("the outlet of the dateline speaking in its own story is an organisation") {
  const std::string text =
      "Quota deal\n\nOSLO, May 2 (Nordwire) - Nordwire has learned that the quota will double in June.\n";
  const auto a = Extractor().analyse(text);
  REQUIRE(a.attributions.size() == 1);
  REQUIRE(a.attributions[0].source.has_value());
  CHECK(a.attributions[0].source->category == claimtrail::core::SourceCategory::named_organization);
}

TEST_CASE("a company called by the first word of its name is the company named in full") {
  const std::string text =
      "Merger\n\nHarbor Freight is to merge with Dutch-listed Tillwater Logistics, the two companies said.\n\n"
      "Tillwater reported revenue of 1.1 billion euros.\n\nTillwater said it expected profit to rise.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "it expected") == "Tillwater Logistics");
}

TEST_CASE("a relative clause opening a statement is not the rest of a subject cut by a comma") {
  // The parse may take the statement's subject for the speaker's; what lies
  // before the comma holds verbs, so it is no list of speakers.
  const std::string text =
      "Mill to close\n\nThe kilns that heat the rolling mill will shut as well, Orla Penrose said.\n\n"
      "The drying sheds that serve the quay will close, chief engineer Tomas Brill said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "The kilns") == "Orla Penrose");
  CHECK(speaker_of(a, text, "The drying sheds") == "Tomas Brill");
}

TEST_CASE("a cue word the parse makes a noun modifying the next is no cue") {
  const std::string text =
      "Lawsuit\n\nThe studio is being sued by a Nevada state agency over claims of unpaid overtime.\n\n"
      "A Nevada state official said the case would be heard in June.\n";
  const auto a = Extractor().analyse(text);
  for (const auto& at : a.attributions) {
    const std::string cue =
        at.cue.empty() ? "" : text.substr(at.cue.front().start, at.cue.front().end - at.cue.front().start);
    CHECK(cue != "state");
  }
  CHECK(speaker_of(a, text, "the case") != "(not found)");
}

TEST_CASE("an inverted source whose head takes a complement: 'said a person familiar with ...'") {
  const std::string text =
      "Talks\n\nThe offer was a surprise, said a person familiar with the company's thinking.\n\n"
      "The board will meet again in June, said two people close to the talks.\n";
  const auto a = Extractor().analyse(text);
  REQUIRE(a.attributions.size() == 2);
  CHECK(category_of(text, "The offer") == "unnamed_person");
  CHECK(category_of(text, "The board") == "unnamed_group");
}

TEST_CASE("a verb of telling in the passive is no cue: its subject was told") {
  const std::string text =
      "Takeover\n\nVelmar was not told about the bid in advance, said a banker who worked on the deal.\n\n"
      "The unions were warned about the cuts in March, one of their officials said.\n\n"
      "Velmar was told about the bid on Friday. Its staff were briefed on the plan.\n";
  const auto a = Extractor().analyse(text);
  CHECK(category_of(text, "Velmar was") == "unnamed_person");
  CHECK(category_of(text, "The unions") == "unnamed_person");
  for (const auto& at : a.attributions)
    if (at.source) {
      const std::string source = text.substr(at.source->spans.front().start, 6);
      CHECK(source != "Velmar");
      CHECK(source != "The un");
      CHECK(source != "Its st");
    }
}

TEST_CASE("'May' after a word is the month or a name, not a hedge") {
  const std::string text =
      "Cuts\n\nThe plant will close in May, a manager said. Output may fall, another manager said.\n";
  const auto a = Extractor().analyse(text);
  int may_hedges = 0;
  for (const auto& at : a.attributions)
    for (const auto& h : at.hedges)
      if (text.substr(h.start, h.end - h.start) == "May") ++may_hedges;
  CHECK(may_hedges == 0);
  bool lower = false;
  for (const auto& at : a.attributions)
    for (const auto& h : at.hedges) lower = lower || text.substr(h.start, h.end - h.start) == "may";
  CHECK(lower);
}

TEST_CASE("a statement goes on after its attribution: an interrupted subject's predicate, a clause joined by and/but") {
  const std::string text =
      "Bakery\n\nThe new ovens, the manager said, would halve the gas bill.\n\n"
      "The mill has not set a date for the sale, a person close to the owners said, but could announce one soon.\n\n"
      "The vote was close, she said, and left the hall. Rents will rise, he said, as the council met.\n\n"
      "The verdict, the judge said, opens the way to a new trial.\n\n"
      "\"Go home,\" he says, pointing at the gate, \"and rest.\"\n\n"
      "During the storm, crews cleared 40 roads, the mayor said, adding that schools would reopen.\n";
  const auto a = Extractor().analyse(text);
  auto fragments = [&](std::string_view start) { return fragments_of(a, text, start); };
  CHECK(fragments("The new ovens") == std::vector<std::string>{"The new ovens", "would halve the gas bill"});
  CHECK(fragments("The mill") ==
        std::vector<std::string>{"The mill has not set a date for the sale", "but could announce one soon"});
  CHECK(fragments("The vote") == std::vector<std::string>{"The vote was close"});  // her doing, not her words
  CHECK(fragments("Rents") == std::vector<std::string>{"Rents will rise"});        // a circumstance
  CHECK(fragments("The verdict") ==
        std::vector<std::string>{"The verdict", "opens the way to a new trial"});  // a verb by the parse
  CHECK(fragments("\"Go home") ==
        std::vector<std::string>{"\"Go home,\"", "\"and rest.\""});  // a quotation's own split
  // An opening phrase and then a clause is content, not an adverbial.
  CHECK(fragments("During the storm") == std::vector<std::string>{"During the storm, crews cleared 40 roads"});
}

TEST_CASE("an inverted attribution in mid-statement, and sources described by a participle") {
  const std::string text =
      "Port\n\nShippers were not consulted, said Mira Dale, who heads the shippers' council, and two lines had "
      "already left.\n\n"
      "Clinics could take more patients, said two people briefed on the plans, but the treasury has refused to pay.\n\n"
      "The contract, one of the officials said, is expected to be signed in June.\n";
  const auto a = Extractor().analyse(text);
  auto fragments = [&](std::string_view start) { return fragments_of(a, text, start); };
  auto source = [&](std::string_view start) -> std::string {
    for (const auto& at : a.attributions)
      if (!at.content.empty() && text.substr(at.content.front().start, start.size()) == start && at.source)
        return text.substr(at.source->spans.front().start,
                           at.source->spans.back().end - at.source->spans.front().start);
    return "(none)";
  };
  CHECK(fragments("Shippers") ==
        std::vector<std::string>{"Shippers were not consulted", "and two lines had already left"});
  CHECK(source("Clinics") == "two people briefed on the plans");
  CHECK(fragments("Clinics") ==
        std::vector<std::string>{"Clinics could take more patients", "but the treasury has refused to pay"});
  CHECK(source("The contract") == "one of the officials");
  CHECK(fragments("The contract") == std::vector<std::string>{"The contract", "is expected to be signed in June"});
}

TEST_CASE("a document described by a participle or a clause of its own is still a document") {
  const std::string text =
      "Budget\n\nThe pool will close, according to an internal memo seen by the Gazette.\n\n"
      "Fees will rise, according to a filing the club made with the regulator.\n\n"
      "A survey it commissioned found that most members backed the plan.\n\n"
      "Visits fell by a fifth, according to the Harlow Statistics Office.\n";
  CHECK(category_of(text, "The pool") == "document");
  CHECK(category_of(text, "Fees") == "document");
  CHECK(category_of(text, "that most members") == "document");
  CHECK(category_of(text, "Visits") == "named_organization");  // a document noun inside a name
}

TEST_CASE("an opening adverbial is not the speaker; a title before an appositive name is not the name") {
  const std::string text =
      "Budget gap\n\nIn a letter to residents on Friday, the chief executive, Dr Nella Varno, wrote that the town "
      "faced a gap.\n\nThe treasurer, Mr Olek Brandt, said the gap would close by 2027.\n\n"
      "The auditor, Dr. Wenna Tolle, said the accounts were sound.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "that the town") == "Nella Varno");
  CHECK(speaker_of(a, text, "the gap would") == "Olek Brandt");
  CHECK(speaker_of(a, text, "the accounts") == "Wenna Tolle");
  CHECK(category_of(text, "that the town") == "named_person");
}

TEST_CASE("a company called by the first word of a name ending in a body's head is the company, not a person") {
  const std::string text =
      "Lawsuit\n\nA judge refused to dismiss the suit against Tarrow Chemical Co., the court said.\n\n"
      "Tarrow said in a statement that it would appeal.\n\n"
      "Lead engineer Ama Keld said the tests were sound. Keld said the wells were safe.\n";
  CHECK(category_of(text, "that it would appeal") == "named_organization");
  CHECK(category_of(text, "the wells") == "named_person");  // a surname stays a person
}

TEST_CASE("why a source is anonymous is no attribution; an age appositive; 'according to' in mid-statement") {
  const std::string text =
      "Ferry\n\nThe ferry will stop in May, two crew members said. They asked not to be named because they fear "
      "for their jobs.\n\n"
      "\"I grew up on that boat,\" said Ilse Varn, 71, who has sailed on it for decades, \"and so did my son.\"\n\n"
      "The owners were warned of the fault in March, according to the report, but did not repair it.\n";
  const auto a = Extractor().analyse(text);
  for (const auto& at : a.attributions) CHECK(text.substr(at.content.front().start, 10) != "not to be ");
  // nor is its passive "be named" a cue
  const std::string passive = "Talks\n\nThey asked not to be identified because the talks are confidential.\n";
  CHECK(Extractor().analyse(passive).attributions.empty());
  CHECK(fragments_of(a, text, "\"I grew up") ==
        std::vector<std::string>{"\"I grew up on that boat,\"", "\"and so did my son.\""});
  CHECK(fragments_of(a, text, "The owners") ==
        std::vector<std::string>{"The owners were warned of the fault in March", "but did not repair it"});
}

TEST_CASE("a directive's content is what the addressee is to do, not the addressee") {
  const std::string text =
      "Floods\n\nResidents have called on the council to step in.\n\n"
      "The mayor urged shop owners not to reopen before Monday.\n\n"
      "The inspector told reporters that the bridge was safe.\n\n"
      "She called on her deputies to \"stand firm\". Farmers have complained for years that the dam leaks.\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "to step in") == std::vector<std::string>{"to step in"});
  CHECK(fragments_of(a, text, "not to reopen") == std::vector<std::string>{"not to reopen before Monday"});
  CHECK(fragments_of(a, text, "that the bridge") == std::vector<std::string>{"that the bridge was safe"});
  CHECK(fragments_of(a, text, "to \"stand") == std::vector<std::string>{"to \"stand firm\""});
  CHECK(fragments_of(a, text, "that the dam") == std::vector<std::string>{"that the dam leaks"});  // not "for years"
}

TEST_CASE("'is said to', 'is understood to', 'is believed to': a report no one named holds") {
  const std::string text =
      "Ferry\n\nThe operator is said to have lost money all summer.\n\n"
      "The decree is understood to have been drafted in May.\n\n"
      "The bus is believed to have been carrying 30 people, according to the police.\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "The operator") ==
        std::vector<std::string>{"The operator", "to have lost money all summer"});
  CHECK(fragments_of(a, text, "The decree") == std::vector<std::string>{"The decree", "to have been drafted in May"});
  CHECK(category_of(text, "The bus") == "named_organization");  // a named source still wins
}

TEST_CASE("'X is expected to Y' is the outlet's own hedged claim, not a report; 'analysts expected' is one") {
  const std::string text =
      "Ferry\n\nThe new ferry is expected to enter service in June.\n\n"
      "The operator's shares were widely expected to fall on Monday.\n\n"
      "Analysts expected the operator to cut two routes.\n\n"
      "The pier is said to need repairs.\n";
  const auto a = Extractor().analyse(text);
  CHECK(attribution_of(a, text, "The new ferry") == nullptr);
  CHECK(attribution_of(a, text, "to enter service") == nullptr);
  CHECK(attribution_of(a, text, "The operator's shares") == nullptr);
  bool listed = false;  // a checkable claim in the outlet's own voice
  for (const auto& u : a.unattributed) listed = listed || text.substr(u.start, 13) == "The new ferry";
  CHECK(listed);
  CHECK(source_of(a, text, "the operator to cut") == "Analysts");
  CHECK(fragments_of(a, text, "The pier") == std::vector<std::string>{"The pier", "to need repairs"});
}

TEST_CASE("a name after a role opening a sentence is what a later pronoun means") {
  const std::string text =
      "Vote\n\nIndependent MP Rafe Doyle said neither side had offered anything.\n\n"
      "Opposition leader Kirsten Vale has closed the debate.\n\n"
      "\"We deserve an election,\" she told the chamber.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"We deserve") == "Kirsten Vale");
  CHECK(speaker_of(a, text, "neither side") == "Rafe Doyle");  // the title left out
}

TEST_CASE("'according to' a role and an appositive name: the source holds both") {
  const std::string text =
      "Row\n\nAccording to the ministry's spokesman, Marek Dolan, the report was entirely fabricated.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "the report") == "Marek Dolan");
  CHECK(fragments_of(a, text, "the report") == std::vector<std::string>{"the report was entirely fabricated"});
}

TEST_CASE("an impersonal report: 'it is learnt', 'it was gathered that', 'it is understood that'") {
  const std::string text =
      "Tariffs\n\nThe utilities want a rise of 40 paise a unit, it is learnt.\n\n"
      "It was gathered that all 300 schools have stayed shut.\n\nProtesters gathered outside the ministry.\n";
  const auto a = Extractor().analyse(text);
  REQUIRE(a.attributions.size() == 2);
  for (const auto& at : a.attributions) CHECK_FALSE(at.source.has_value());
  CHECK(fragments_of(a, text, "The utilities") ==
        std::vector<std::string>{"The utilities want a rise of 40 paise a unit"});
  CHECK(fragments_of(a, text, "that all 300") == std::vector<std::string>{"that all 300 schools have stayed shut"});
}

TEST_CASE("a headline quoting first and naming its speaker after a colon") {
  const std::string text =
      "'We will not close the mine': Premier defends coal plan\n\nThe premier said the mine would stay open.\n";
  const auto a = Extractor().analyse(text);
  REQUIRE(!a.attributions.empty());
  const auto& h = a.attributions.front();
  CHECK(h.in_headline);
  REQUIRE(h.source.has_value());
  CHECK(text.substr(h.source->spans.front().start, h.source->spans.front().end - h.source->spans.front().start) ==
        "Premier");
  CHECK(fragments_of(a, text, "'We will") == std::vector<std::string>{"'We will not close the mine'"});
}

TEST_CASE("a headline stating, then a dash and who says it") {
  const std::string text =
      "Strike: We will not negotiate under duress \xE2\x80\x93 Ekoma govt\n\nTeachers stayed home, officials said.\n\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "We will not") == std::vector<std::string>{"We will not negotiate under duress"});
  CHECK(category_of(text, "We will not") == "named_organization");
  const std::string other = "Floods \xE2\x80\x93 What happens next\n\nRivers rose, officials said.\n";
  CHECK(Extractor().analyse(other).attributions.size() == 1);  // a heading's dash is no cue
}

TEST_CASE("'the minister' is not the prime minister, nor 'the president' the vice president") {
  const std::string text =
      "Pension row\n\nFinance Minister Olek Marn on Thursday denied that he had offered his resignation to Prime "
      "Minister Ilse Varo.\n\n\"I have not offered my resignation,\" the minister said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"I have not") == "Olek Marn");
}

TEST_CASE("a surname after 'from' stays the person's; the last of several appositives names the speaker") {
  const std::string text =
      "Trial\n\n\"He kept two sets of books,\" Deputy Prosecutor Ivo Brannock told the court.\n\n"
      "Brannock said the transfers began in 2019.\n\n"
      "The second witness, the firm's former bookkeeper, Lena Osterby, testified that she had warned the owner.\n\n"
      "\"I told him twice,\" Osterby said under questioning from Brannock.\n\n"
      "Ferry engineer Tobias Lund retired in May. \"I miss the engines,\" Lund said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "the transfers") == "Ivo Brannock");
  CHECK(category_of(text, "the transfers") == "named_person");
  CHECK(speaker_of(a, text, "that she had") == "Lena Osterby");  // not the prosecutor named before
  CHECK(speaker_of(a, text, "\"I told him") == "Lena Osterby");
  // a surname that is also a place's name: the person named in full
  CHECK(speaker_of(a, text, "\"I miss") == "Tobias Lund");
  CHECK(category_of(text, "\"I miss") == "named_person");
}

TEST_CASE("an interview's labels defined by whose questions and answers they mark") {
  const std::string text =
      "'We were lucky': ferry captain Runa Skov on the storm\n\n"
      "Runa Skov has captained the Skarn ferry for 12 years. She spoke to the Vell Chronicle on Monday. The "
      "Chronicle's questions are marked Q and Skov's answers A.\n\n"
      "Q: Why did you sail that morning?\n\n"
      "A: The forecast gave us a window of six hours.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "Why did you") == "Vell Chronicle");
  CHECK(category_of(text, "Why did you") == "named_organization");
  CHECK(speaker_of(a, text, "The forecast") == "Runa Skov");
}

TEST_CASE("told me: the addressee is not said; 'and said' after another verb shares its subject; ', and I'") {
  const std::string text =
      "Quay\n\nOREN FALK: The divers told me the pier was sinking, and I closed it that night.\n\n"
      "Ana Ruiz said: \"They told us the pier was safe, and we believed them.\"\n\n"
      "The ferry company denied the report and said its boats were safe.\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "the pier was sinking") == std::vector<std::string>{"the pier was sinking"});
  // in a quotation the cue introduces, "we" is the speaker's
  CHECK(fragments_of(a, text, "\"They told") ==
        std::vector<std::string>{"\"They told us the pier was safe, and we believed them.\""});
  CHECK(fragments_of(a, text, "its boats") == std::vector<std::string>{"its boats were safe"});
  CHECK(category_of(text, "its boats") == "named_organization");
}

TEST_CASE("what a quotation's speaker reports others said is nested in the quotation") {
  const std::string text =
      "Refuge\n\nRetired nurse Ada Penn founded the refuge in 1979.\n\n"
      "\"I said to him, 'Then she will be dead by Christmas,'\" Penn told the paper. \"The sergeant told me it was "
      "a family matter.\"\n\n"
      "\"We wrote it all down and nobody explained the delay,\" Penn said. \"If they say it is safe, ask why.\"\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "'Then she") == std::vector<std::string>{"'Then she will be dead by Christmas,'"});
  CHECK(speaker_of(a, text, "'Then she") == "Ada Penn");  // "I" is the quotation's speaker
  CHECK(fragments_of(a, text, "it was a family") == std::vector<std::string>{"it was a family matter"});
  CHECK(speaker_of(a, text, "it was a family") == "The sergeant");
  // no verb of saying with a clause, or only supposed: nothing reported
  CHECK(fragments_of(a, text, "it all down").empty());
  CHECK(fragments_of(a, text, "the delay").empty());
  CHECK(fragments_of(a, text, "it is safe").empty());
}

TEST_CASE("a source in what someone reports is no antecedent of a later pronoun") {
  const std::string text =
      "Refuge\n\nAda Penn opened the refuge in 1979. She recalled that a police sergeant had told her that "
      "nothing could be done.\n\n\"I did it anyway,\" she said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"I did it") == "Ada Penn");
}

TEST_CASE("a plural title before several names; a role said by a relative clause ('who chairs the committee')") {
  const std::string text =
      "Pool\n\nCouncillors Ian Bewley, Mara Quist, who chairs the parks committee, and Dov Lerner voted no.\n\n"
      "\"We let the roof rot,\" the parks committee chair said.\n\n"
      "Councillor Bewley said he would ask for a second vote.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"We let") == "Mara Quist");
  CHECK(speaker_of(a, text, "he would ask") == "Ian Bewley");  // not "Councillors Ian Bewley"
}

TEST_CASE("a public body's name holding 'and'; a body named in an appositive") {
  const std::string text =
      "Storm\n\nThe Dunmore Fire and Rescue Service said crews had freed 12 drivers.\n\n"
      "About 9,000 homes are without power, according to the grid operator, Eastern Line Networks.\n\n"
      "The shelter took in 300 families, according to the charity that now runs it, Harbour House Trust.\n\n"
      "According to the report, Ames, Brook and Cole were paid.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "crews had") == "Dunmore Fire and Rescue Service");
  CHECK(speaker_of(a, text, "About 9,000") == "Eastern Line Networks");
  CHECK(category_of(text, "About 9,000") == "named_organization");
  CHECK(speaker_of(a, text, "The shelter") == "Harbour House Trust");
  CHECK(category_of(text, "The shelter") == "named_organization");
  CHECK(fragments_of(a, text, "Ames") == std::vector<std::string>{"Ames, Brook and Cole were paid"});
}

TEST_CASE("a subject's relative clause with 'because' inside; a time phrase after the source") {
  const std::string text =
      "Ward\n\nA nurse who asked not to be named because she feared for her job said the ward was closed.\n\n"
      "Health Minister Oskar Brandt on Sunday said the ward would reopen.\n\n"
      "A survey published on Monday found that most nurses work overtime.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "the ward was") == "A nurse who asked not to be named because she feared for her job");
  CHECK(speaker_of(a, text, "the ward was") == "A nurse");  // the clause is not the entity's name
  CHECK(source_of(a, text, "the ward would") == "Health Minister Oskar Brandt");
  CHECK(source_of(a, text, "that most") == "A survey published on Monday");  // the participle's time stays
}

TEST_CASE("a family is a group of people; a company's kind names a company") {
  const std::string text =
      "Obituary\n\nIn a statement, her family said she died peacefully at home.\n\n"
      "Rail operator Tallyline said no trains would run before Tuesday.\n\n"
      "The power tool maker said it expected revenue to rise.\n";
  CHECK(category_of(text, "she died") == "unnamed_group");
  CHECK(category_of(text, "no trains") == "named_organization");
  CHECK(category_of(text, "it expected") == "named_organization");
}

TEST_CASE("bodies no one names are a group; annual accounts and standings are documents") {
  const std::string text =
      "Quay\n\nShipping companies say they are losing money every day.\n\n"
      "The two companies said they would merge.\n\n"
      "Its profit was 31 million euros last year, according to its annual accounts.\n";
  CHECK(category_of(text, "they are losing") == "unnamed_group");
  CHECK(category_of(text, "they would merge") == "named_organization");
  CHECK(category_of(text, "Its profit") == "document");
}

TEST_CASE("a phrase of figures goes on with the statement; a bare 'night' opens the content; 'warn of' in every form") {
  const std::string text =
      "Thousands leave homes as forecasters warn of more rain\n\n"
      "Revenue rose 7% to 548 million euros, the company said in a statement, with sales in its garden division "
      "up 12%.\n\n"
      "The study finds night naps cut errors by a third.\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "Revenue rose") ==
        std::vector<std::string>{"Revenue rose 7% to 548 million euros", "with sales in its garden division up 12%"});
  CHECK(fragments_of(a, text, "night naps") == std::vector<std::string>{"night naps cut errors by a third"});
  CHECK(fragments_of(a, text, "more rain") == std::vector<std::string>{"more rain"});
}

TEST_CASE("a clause whose subject the parse took for the verb's object: 'show X knew'") {
  const std::string text =
      "Emails show Harrow Lane Haulage managers knew of brake faults before fatal crash\n\nThe body says little.\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "Harrow Lane") ==
        std::vector<std::string>{"Harrow Lane Haulage managers knew of brake faults before fatal crash"});
}

TEST_CASE("a body described ('the company', 'the agency') is the body the text named before, source or not") {
  const std::string text =
      "Recall\n\nShares in Tarrin Kitchenware Co. fell on Tuesday. The recall will cost about 12 million dollars, "
      "the company said.\n\n"
      "The National Food Safety Agency published its findings on Monday. More cases may follow, the agency said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "The recall") == "Tarrin Kitchenware Co.");
  CHECK(speaker_of(a, text, "More cases") == "National Food Safety Agency");
}

TEST_CASE("circumstances around a speaker are not the source: an opening time or participle, a participle after") {
  const std::string text =
      "Vote\n\nIn March the company's own accounts, signed off by its auditors, showed it had enough cash.\n\n"
      "Opening the debate, the shadow minister, Ada Vell, said the minister had misled the House.\n\n"
      "Oren Dahl, speaking at a news conference in Varn, said the deal was done.\n\n"
      "A spokeswoman for the firm, asked about the complaint, said its records had been reviewed.\n\n"
      "A senior official, speaking on condition of anonymity, said the talks had stalled.\n\n"
      "A report by the board, published alongside the order, found that the brakes had failed.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "it had enough") == "the company's own accounts, signed off by its auditors");
  CHECK(source_of(a, text, "the minister had") == "the shadow minister, Ada Vell");
  CHECK(source_of(a, text, "the deal") == "Oren Dahl");
  CHECK(source_of(a, text, "its records") == "A spokeswoman for the firm");
  CHECK(source_of(a, text, "the talks") == "A senior official, speaking on condition of anonymity");
  CHECK(source_of(a, text, "that the brakes") == "A report by the board, published alongside the order");
}

TEST_CASE("a time phrase between the cue and 'that' is neither cue nor content") {
  const std::string text = "Brakes\n\nThe depot manager replied the next day that the budget had been spent.\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "that the budget") == std::vector<std::string>{"that the budget had been spent"});
}

TEST_CASE("a participle after a quotation closed by its own comma is a statement of its own") {
  const std::string text =
      "Count\n\nA scholar of elections, Ines Darrow, said the delay was \"unusual but not yet alarming,\" adding that "
      "the rural vote could narrow the gap.\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "the delay") ==
        std::vector<std::string>{"the delay was \"unusual but not yet alarming,\""});
  CHECK(fragments_of(a, text, "that the rural") ==
        std::vector<std::string>{"that the rural vote could narrow the gap"});
  CHECK(speaker_of(a, text, "that the rural") == "Ines Darrow");
}

TEST_CASE("a time phrase between an appositive and the cue; a quotation inside the clause after an addressee") {
  const std::string text =
      "Field\n\nHalmstrand, which holds a small share of the licence, on Wednesday said it welcomed the deal.\n\n"
      "The mediator told reporters the deal \"could still fail\" if either side walked away.\n\n"
      "\"Both sides have told me they want a deal,\" the mediator said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "it welcomed") == "Halmstrand, which holds a small share of the licence");
  CHECK(fragments_of(a, text, "the deal \"could") ==
        std::vector<std::string>{"the deal \"could still fail\" if either side walked away"});
  CHECK(speaker_of(a, text, "they want a deal") == "Both sides");
}

TEST_CASE("a headline's speaker without an article: a body or a document ('club says', 'leaked plan shows')") {
  for (const std::string& headline : {std::string("Okafor joins Rennford in record move, club says"),
                                      std::string("Ashby council to close two libraries, leaked plan shows")}) {
    const std::string text = headline + "\n\nThe body says little.\n";
    const auto a = Extractor().analyse(text);
    CHECK(fragments_of(a, text, headline.substr(0, 10)).size() == 1);
  }
}

TEST_CASE("writing to someone is nothing said until what is written follows") {
  const std::string text =
      "Ward\n\nHe has written to the state health minister, Joanne Carr.\n\n"
      "She wrote to the minister that the ward would close.\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "to the state").empty());
  REQUIRE(a.attributions.size() == 1);
  CHECK(fragments_of(a, text, "that the ward") == std::vector<std::string>{"that the ward would close"});
}

TEST_CASE("an unnamed source keeps the name of its first mention") {
  const std::string text =
      "Brakes\n\nA former mechanic who spoke on condition of anonymity said the workshop was told to wait. "
      "\"Everyone knew which trucks were bad,\" the former mechanic said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "the workshop") == "A former mechanic");
  CHECK(speaker_of(a, text, "\"Everyone") == "A former mechanic");
}

TEST_CASE("declining to release or disclose is a non-response, not an attribution") {
  const std::string text =
      "Stabbing\n\nPolice declined to release the woman's name.\n\nThe firm declined to disclose its suppliers.\n";
  const auto a = Extractor().analyse(text);
  CHECK(a.attributions.empty());
  REQUIRE(a.non_responses.size() == 2);
  for (const auto& n : a.non_responses) CHECK(n.kind == claimtrail::core::NonResponseKind::declined);
}

TEST_CASE("a cue opening a 'that' clause goes before a stronger cue inside it") {
  const std::string text =
      "Trial\n\nCourt documents show that the board first asked questions about the fees in March.\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "that the board") ==
        std::vector<std::string>{"that the board first asked questions about the fees in March"});
}

TEST_CASE("'appealed to residents to come forward': the addressee after the phrasal particle, then what to do") {
  const std::string text =
      "Floods\n\nThe council leader said 340 people had spent the night in the centres and appealed to residents "
      "with spare rooms to come forward.\n\nHe appealed to businesses to donate food.\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "340 people") ==
        std::vector<std::string>{"340 people had spent the night in the centres"});
  CHECK(fragments_of(a, text, "to come forward") == std::vector<std::string>{"to come forward"});
  CHECK(fragments_of(a, text, "to donate") == std::vector<std::string>{"to donate food"});
}

TEST_CASE("a quotation inside a quotation, in any marks, ends its sentence with its closing mark") {
  const std::string text =
      "Stabbing\n\n\"She came to my door and said, 'If you hear shouting, call the police.' I wish I had called,\" "
      "a neighbour said.\n\n"
      "\xE2\x80\x98"
      "A pensioner stopped me,\xE2\x80\x99 she said. \xE2\x80\x98She told me, \xE2\x80\x9CI have been "
      "boiling kettles for a week.\xE2\x80\x9D I had no answer.\xE2\x80\x99\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "'If you") == std::vector<std::string>{"'If you hear shouting, call the police.'"});
  CHECK(source_of(a, text, "'If you") == "She");  // the quotation's own clause, not the neighbour
  CHECK(fragments_of(a, text, "\xE2\x80\x9CI have") ==
        std::vector<std::string>{"\xE2\x80\x9CI have been boiling kettles for a week.\xE2\x80\x9D"});
}

TEST_CASE("a quotation, then the circumstances: the content ends with the quotation") {
  const std::string text = "Vote\n\nOpposition MPs shouted \xE2\x80\x98Resign!\xE2\x80\x99 as Ms Vell rose to reply.\n";
  const auto a = Extractor().analyse(text);
  CHECK(fragments_of(a, text, "\xE2\x80\x98Resign") == std::vector<std::string>{"\xE2\x80\x98Resign!\xE2\x80\x99"});
}

TEST_CASE("a title's plural heads a group, not a name") {
  const std::string text = "Vote\n\nLabour MPs said the bill would fail.\n\nMP Jane Doe said it would pass.\n";
  CHECK(category_of(text, "the bill") == "unnamed_group");
  CHECK(category_of(text, "it would pass") == "named_person");
}

TEST_CASE("'he' and 'she' go to a person of their sex when the latest person is known to be of the other") {
  const std::string text =
      "Moths found\n\nMira Tolland lay down beside the trap. \"You find it by being stubborn,\" she says.\n\n"
      "Jonas Brede, a researcher on the team, sorted the catch. \"I was dreaming about wings,\" he says.\n\n"
      "\"Something landed on the sheet at four,\" she says. \"I did not breathe.\"\n\n"
      "Ms. Ada Wren said the plan would cost too much. Mr. Piet Olde said it would not.\n\n"
      "\"We have done the work,\" she said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"I was dreaming") == "Jonas Brede");
  CHECK(speaker_of(a, text, "\"Something landed") == "Mira Tolland");
  CHECK(speaker_of(a, text, "\"We have done") == "Ada Wren");
}

TEST_CASE("a pronoun in someone's quoted words says nothing of the speaker's sex") {
  const std::string text =
      "Trial\n\nThe first witness, Ruth Elder, testified that she had raised concerns with the director.\n\n"
      "\"He told me it was none of my business,\" Elder said.\n\n"
      "Under cross-examination, she acknowledged that she had never told the board.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "that she had never") == "Ruth Elder");
}

TEST_CASE("'the 54-year-old' is one person: the one named with that age") {
  const std::string text =
      "Club signs striker\n\nBram Velde, 54, who ran the academy, said the deal was close. "
      "Tom Ash, 31, the striker, said he was ready.\n\n"
      "'That is a matter for the two clubs,' the 54-year-old said.\n\n"
      "The 31-year-old said he was happy.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "'That is") == "Bram Velde");
  CHECK(speaker_of(a, text, "he was happy") == "Tom Ash");
  for (const auto& s : a.attributions)
    if (s.source) CHECK(s.source->category != claimtrail::core::SourceCategory::unnamed_group);
}

TEST_CASE("'the statement' is the statement first mentioned where a body spoke in it") {
  const std::string text =
      "Club signs striker\n\nIn a statement, the club said the winger had signed for five years.\n\n"
      "The statement added that the fee could rise.\n\n"
      "The union said in a letter to members that pay would follow. The letter said the strike would go on.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "that the fee") == "a statement");
  CHECK(speaker_of(a, text, "the strike would") == "a letter to members");
}

TEST_CASE("a surname ending in -ing is a name, and a clause opener's phrase before the speaker is not the speaker") {
  const std::string text =
      "Vote\n\nVrieling, 54, who ran the academy for six years, said the deal had been close.\n\n"
      "Speaking after Vrieling, Councillor Jo Hale, whose ward includes the field, said the plan was a mistake.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "the deal had") == "Vrieling");
  CHECK(speaker_of(a, text, "the plan was") == "Jo Hale");
}

TEST_CASE("'he says' after a quotation is not the man the quotation talks about by name") {
  const std::string text =
      "Mill\n\nThe finance director, Tom Wool, says the bank agreed to extend the overdraft.\n\n"
      "The chairman, Peter Garde, declined to comment.\n\n"
      "\"Garde read the numbers twice and said nothing for a minute,\" he says. \"I think about that.\"\n\n"
      "\"'You are tired, Ana,' he told me,\" she says of Garde.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"Garde read") == "Tom Wool");
}

TEST_CASE("a sentence opening with a past participle's phrase: the speaker is after its comma") {
  const std::string text =
      "Flood\n\nAsked about the survey, Councillor Lu Farr, the council's leader, said the repairs had been "
      "scheduled.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "the repairs") == "Lu Farr");
}

TEST_CASE("'the analyst' is the person named as an analyst, though the word often hides a name") {
  const std::string text =
      "Looms\n\n\"Fabric is a fine business,\" says Ravi Thack, an analyst at Sable Securities who covers textiles.\n\n"
      "The analyst says margins may narrow next year.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "margins may") == "Ravi Thack");
}

TEST_CASE("'Role, Name, says X agreed to ...': the verb of saying is no part of the inner subject") {
  const std::string text = "Mill\n\nThe finance director, Tom Wool, says the bank agreed to extend the overdraft.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "the bank agreed") == "Tom Wool");
}

TEST_CASE("'<statement>, the chief executive, Jo Roe, said': the source is the role and the name, not the statement") {
  const std::string text =
      "Mine\n\nRescuers reached five miners on Friday, the mine's operator, Straven Copper Corporation, said.\n\n"
      "The miners were alive, the chief executive, Anna Berg, said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "Rescuers reached") == "the mine's operator, Straven Copper Corporation");
  CHECK(speaker_of(a, text, "The miners were") == "Anna Berg");
}

TEST_CASE("a headline's 'company says' is the company the story names") {
  const std::string text =
      "Rescuers reach five men, company says\n\nORSKEL, Nov 14 (Wire) - Rescuers reached five miners, the mine's "
      "operator, Straven Copper Corporation, said.\n\nThe company said it would pay the families' costs.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "Rescuers reach five") == "Straven Copper Corporation");
  CHECK(speaker_of(a, text, "it would pay") == "Straven Copper Corporation");
}

TEST_CASE("a relative clause with commas of its own stays in the source, and its name is not the speaker") {
  const std::string text =
      "Mine\n\nSelin Arvo, whose husband, Toma Arvo, is among the five men reached on Friday, said she had "
      "spoken to him.\n\nArvo said their daughter had not been told.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "she had spoken") == "Selin Arvo");
  CHECK(speaker_of(a, text, "their daughter") == "Selin Arvo");
}

TEST_CASE("'the 31-year-old captain' is the captain when no one was named with an age") {
  const std::string text =
      "Rugby\n\nThornleigh captain Mora Polden went over on 52 minutes, and Chia Odun scored twice.\n\n"
      "'I was so angry with myself,' said Odun.\n\n"
      "The 31-year-old captain, who was making her 100th appearance, said the win 'means nothing yet'.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "the win") == "Mora Polden");
}

TEST_CASE("'said the head coach, Jo Roe': a role WordNet knows for a person heads a source after its cue") {
  const std::string text =
      "Rugby\n\n\"I did not shout,\" said the head coach, Lachlan Ferry.\n\n"
      "Jo Feld, who has read the farm prices since 1997, says the station survived because nobody in authority "
      "wanted to switch it off.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"I did not") == "Lachlan Ferry");
  CHECK(speaker_of(a, text, "the station survived") == "Jo Feld");
}

TEST_CASE(
    "'both sides' and 'the two governments' are the pair the text named last; 'both ministers' not two countries") {
  const std::string text =
      "Border deal\n\nGRANVIK, Jan 28 (Wire) - Tellmar and Rovenia will reopen the crossing, the two governments "
      "said.\n\nThe foreign ministers met for four hours. Both sides said trade would resume in March.\n\n"
      "Both ministers said they would meet again in May.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "Tellmar and Rovenia will") == "Tellmar and Rovenia");
  CHECK(speaker_of(a, text, "trade would") == "Tellmar and Rovenia");
  CHECK(speaker_of(a, text, "they would meet") != "Tellmar and Rovenia");
}

TEST_CASE("'the charity' is the name an appositive described as a charity; 'Cdr' is a title") {
  const std::string text =
      "Sea rescue\n\nSixty people were pulled from a boat by a ship run by Open Wake, a charity based in "
      "Ballinvarra, the charity has said.\n\n'We took them all,' the coastguard's spokesman, Cdr Piero Lasca, "
      "told reporters.\n\nThe charity said it had no way to confirm the number.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "Sixty people") == "Open Wake");
  CHECK(speaker_of(a, text, "it had no way") == "Open Wake");
  CHECK(speaker_of(a, text, "'We took") == "Piero Lasca");
}

TEST_CASE("speech nested in a British quotation: a verb of manner ('shouted'), and its quotation ends at its mark") {
  const std::string text =
      "Rugby\n\n\xE2\x80\x98I just said, \xE2\x80\x9CNobody remembers the first 40,\xE2\x80\x9D and sat "
      "down,\xE2\x80\x99 said the head coach, Lachlan Ferry.\n\n"
      "\xE2\x80\x98Then Mora just shouted \xE2\x80\x9CGo!\xE2\x80\x9D and I went,\xE2\x80\x99 said Odun.\n";
  const auto a = Extractor().analyse(text);
  bool nobody = false, go = false;
  for (const auto& at : a.attributions) {
    if (at.parent < 0 || at.content.empty()) continue;
    const std::string c = span_text(text, at.content);
    nobody = nobody || c == "\xE2\x80\x9CNobody remembers the first 40,\xE2\x80\x9D";
    go = go || c == "\xE2\x80\x9CGo!\xE2\x80\x9D";
  }
  CHECK(nobody);
  CHECK(go);
}

TEST_CASE("a person's name is the story's fullest form, not a headline's role before the surname") {
  const std::string text =
      "Challenger Castel leads count, early results show\n\nVESTRAN, Oct 12 (Wire) - Opposition candidate Irena "
      "Castel took a clear lead on Sunday.\n\nCastel told supporters that voters had chosen a clean start.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "that voters") == "Irena Castel");
}

TEST_CASE("a first name alone is the one person named with it; an appositive's head noun says a name is a body") {
  const std::string text =
      "Campaign\n\nThornquist said her neighbour, Brynja Saltholm, had already switched sides.\n\n"
      "\"It was late,\" Brynja said.\n\n"
      "The Halberd, a monthly music magazine, called the album \"beautiful and a little too careful\" in its "
      "October issue.\n\nBenedikt Rahm, a retired appeals court judge, said both sides had signed.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"It was late") == "Brynja Saltholm");
  for (const auto& at : a.attributions) {
    if (!at.source) continue;
    const std::string who = span_text(text, at.source->spans);
    if (who.starts_with("The Halberd"))
      CHECK(at.source->category == claimtrail::core::SourceCategory::named_organization);
    if (who.starts_with("Benedikt Rahm")) CHECK(at.source->category == claimtrail::core::SourceCategory::named_person);
  }
}

TEST_CASE(
    "'said after the vote that ...' starts its content at 'that'; a possessive appositive with a date stays in the "
    "source") {
  const std::string text =
      "Vote\n\nSaltash said after the vote that work would start next spring.\n\n"
      "Cinder Lane Records, her label since 2016, said in a press release that advance orders were the highest "
      "in its history.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "that work would") == "Saltash");
  CHECK(source_of(a, text, "that advance orders") == "Cinder Lane Records, her label since 2016");
}

TEST_CASE(
    "'told reporters the deal showed that ...': the clause starts after the addressee; a participle's phrase with "
    "'because' stays in the source") {
  const std::string text =
      "Summit\n\nForeign Minister Mattias Brez told reporters the border deal showed that neighbours can still "
      "do business.\n\nA diplomat who took part in the talks, speaking on condition of anonymity because she was "
      "not authorised to brief reporters, said the delegation had arrived late.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "the border deal showed") == "Foreign Minister Mattias Brez");
  CHECK(source_of(a, text, "the delegation had") ==
        "A diplomat who took part in the talks, speaking on condition of anonymity because she was not authorised "
        "to brief reporters");
}

TEST_CASE("'saying through a spokesman that ...' starts its content at 'that'") {
  const std::string text =
      "Budget\n\nThe chief declined to comment on the dispute, saying through a spokesman that the department "
      "\"does not take sides in the budget process.\"\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "that the department") != "(not found)");
}

TEST_CASE("'<statement>, X told staff on Wednesday in a memo seen by Y': the cue closes the clause") {
  const std::string text =
      "Layoffs\n\nORLAND BAY, Jan 22 (Wire) - Halcrest Digital Inc. will lay off about 1,100 employees, or 14% of "
      "its workforce, Chief Executive Magnus Pike told staff on Wednesday in a memo seen by the Wire.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "Halcrest Digital") == "Chief Executive Magnus Pike");
}

TEST_CASE("an inverted source keeps, after an age, what the person is") {
  const std::string text =
      "Fire\n\n\"A deputy banged on the door at half past four,\" said Tobiah Wren, 71, a retired signalman who has "
      "lived on Cutler Lane since 1979.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "\"A deputy") ==
        "Tobiah Wren, 71, a retired signalman who has lived on Cutler Lane since 1979");
}

TEST_CASE("an inverted source keeps a relative clause without a comma that ends the sentence") {
  const std::string text = "Looms\n\n\"The looms were the easy part,\" says the woman who had to do the persuading.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "\"The looms") == "the woman who had to do the persuading");
}

TEST_CASE("'she' after her quotation is not a name the quotation mentions") {
  const std::string text =
      "Mill\n\nThe mill on Tarn Street will close in March, its owner said.\n\n"
      "Councillor Wenna Thrale, who chairs the planning committee, said she had asked officers to look again.\n\n"
      "'Losing Hobbin Mill would hurt the whole street,' she said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "'Losing") == "Wenna Thrale");
  // In reported speech the name may be the speaker's own.
  const std::string told =
      "Memo\n\nThe takeover was completed on Friday.\n\nOrla Brandt will stay on as chief executive until June "
      "and then leave, she told staff in a memo.\n";
  CHECK(speaker_of(Extractor().analyse(told), told, "Orla Brandt") == "Orla Brandt");
}

TEST_CASE("'the ministry' is the body named 'Ministry of ...', also when someone quotes it") {
  const std::string text =
      "Farms face irrigation ban, ministry says\n\nFarms will be barred from drawing river water from Monday, the "
      "Ministry of Rivers and Land said on Tuesday.\n\n"
      "The ministry said the ban would cover about 1,800 farms. Rainfall since March has been 38% below the "
      "average, according to its weekly drought bulletin.\n\n"
      "\"The ministry has told us, 'Wait for the budget,'\" said Mara Quill, who chairs the growers' group.\n\n"
      "In a statement, the ministry said it was \"working urgently\" on support for farms.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "the ban") == "Ministry of Rivers and Land");
  CHECK(speaker_of(a, text, "'Wait") == "Ministry of Rivers and Land");
  CHECK(speaker_of(a, text, "it was") == "Ministry of Rivers and Land");
}

TEST_CASE("'both sides' after two named bodies: those bodies, on the record, the name without its article") {
  const std::string text =
      "Talks\n\nThe Tarn Growers' Association and Hobley Water met on Monday to discuss a rota. Both sides said "
      "the talks had been useful.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "the talks") == "Tarn Growers' Association and Hobley Water");
  const auto* at = attribution_of(a, text, "the talks");
  REQUIRE(at);
  REQUIRE(at->source.has_value());
  CHECK(at->source->category == claimtrail::core::SourceCategory::named_organization);
  CHECK_FALSE(at->source->anonymous);
}

TEST_CASE("a name going on through 'of' is a body's; letters after a name are not part of it") {
  const std::string text =
      "Shops\n\nThe strike has cost local shops about 2 million pounds, the Tarnby Chamber of Commerce said.\n\n"
      "Prosecutor Delia Fairweather KC told the jury that the driver had lied. Ms Fairweather said the van was "
      "never checked.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "The strike") == "Tarnby Chamber of Commerce");
  CHECK(speaker_of(a, text, "that the driver") == "Delia Fairweather");
  CHECK(speaker_of(a, text, "the van") == "Delia Fairweather");
}

TEST_CASE("'X and Y Hospitals Trust' is one body; two companies joined by 'and' stay two") {
  const std::string text =
      "Strike\n\nThe Orrin and Dale Hospitals Trust said no member of staff would be disciplined.\n\n"
      "Tarvik and Holm Industries Inc. said they would appeal.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "no member") == "Orrin and Dale Hospitals Trust");
  CHECK(speaker_of(a, text, "they would") != "Tarvik and Holm Industries Inc.");
}

TEST_CASE("a name is not run on from a preposition, over a byline, nor into letters after it") {
  const std::string text =
      "Border\n\nBy Ailsa Grint\n\nQuillmont, a four-year-old company that makes sensors, has raised $38 million, "
      "the company said on Monday.\n\n"
      "In Tervoria, the opposition party called the deal a reward. Tervoria said in a statement that the "
      "crossings were a beginning.\n\n"
      "Cross-examining, Mr Dorn\u2019s barrister, Ewart Hallam KC, suggested that Ms Vale had approved every "
      "payment. \u2018You were sent a statement every quarter,\u2019 he said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "Quillmont") == "Quillmont");
  CHECK(speaker_of(a, text, "that the crossings") == "Tervoria");
  CHECK(speaker_of(a, text, "that Ms Vale") == "Ewart Hallam");
  CHECK(speaker_of(a, text, "\u2018You were") == "Ewart Hallam");
}

TEST_CASE("another given name with the same surname is another person") {
  const std::string text =
      "Transfer\n\nCity rejected a third bid for Tomas Vell on Thursday.\n\n"
      "\"Tomas is happy here,\" said the club's manager, Ida Brenner.\n\n"
      "Vell has not given an interview since May. On Wednesday he wrote: \"Time for a new chapter.\"\n\n"
      "His father, Anders Vell, who played for the club in the 1990s, said: \"He has been hurt by the abuse.\"\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\"Time") == "Tomas Vell");
  CHECK(speaker_of(a, text, "\"He has been") == "Anders Vell");
}

TEST_CASE("'Her first teacher, the sculptor Ada Brisk, now 89, remembers ...': the name in a described appositive") {
  const std::string text =
      "Steel\n\nHer first teacher, the sculptor Ada Brisk, now 89, remembers a student who \"argued with every "
      "piece of metal I gave her.\"\n\n\"She was rude to the steel,\" he said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "a student") == "Ada Brisk");
  CHECK(speaker_of(a, text, "\"She was") == "Ada Brisk");
}

TEST_CASE("'In Varnholm, ...' at a sentence's start names a place: 'Varnholm said' is its government") {
  const std::string text =
      "Summit\n\nIn Varnholm, the opposition party called the deal a reward.\n\nVarnholm said in a statement on "
      "Monday that the crossings were a beginning.\n";
  CHECK(category_of(text, "that the crossings") == "named_organization");
}

TEST_CASE("a capitalised name ending in a noun WordNet knows only as a body is a body") {
  const std::string text = "Flood\n\nThe Ardmore Inspectorate said it had opened an investigation.\n";
  const auto a = Extractor().analyse(text);
  REQUIRE(a.attributions.size() == 1);
  REQUIRE(a.attributions[0].source.has_value());
  CHECK(a.attributions[0].source->category == claimtrail::core::SourceCategory::named_organization);
}

TEST_CASE("'the inspectorate' after 'the Ardmore Inspectorate' is that body") {
  const std::string text =
      "Flood\n\nThe Ardmore Inspectorate said it had opened an investigation. In its last report on the pit, the "
      "inspectorate found that pumps were failing.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "that pumps") == "Ardmore Inspectorate");
}

TEST_CASE("'he' or 'she' in someone's quotation is not that speaker: the person the quotation made its subject") {
  const std::string text =
      "Harbour\n\n"
      "\xE2\x80\x9CI have never missed a tide,\xE2\x80\x9D said Ines Marrow, 58, a boat builder. \xE2\x80\x9CMy dad "
      "was a fisherman. He said to me once, \xE2\x80\x98Never trust a calm sea.\xE2\x80\x99\xE2\x80\x9D\n\n"
      "\xE2\x80\x98"
      "A farmer stopped me at the gate,\xE2\x80\x99 said Tomas Rell. \xE2\x80\x98He told me, "
      "\xE2\x80\x9CThe road is shut.\xE2\x80\x9D I went home.\xE2\x80\x99\n\n"
      "The court heard that Royce Kell had texted his brother an hour after the crash.\n\n"
      "\"He wrote, 'Say nothing,'\" the prosecutor, Ann Lyle, said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\xE2\x80\x98Never trust") == "My dad");
  CHECK(category_of(text, "\xE2\x80\x98Never trust") == "unnamed_person");
  CHECK(speaker_of(a, text, "\xE2\x80\x9CThe road") == "A farmer");
  CHECK(speaker_of(a, text, "'Say nothing") == "Royce Kell");  // the person named last, not the prosecutor
  // no one else to be: unresolved, never the speaker herself
  const std::string alone =
      "Kiln\n\n\xE2\x80\x9CShe looked at me and said, \xE2\x80\x98Go on, then,\xE2\x80\x99\xE2\x80\x9D Ada Voll "
      "said.\n";
  const auto b = Extractor().analyse(alone);
  CHECK(speaker_of(b, alone, "\xE2\x80\x98Go on") == "(none)");
  CHECK(category_of(alone, "\xE2\x80\x98Go on") == "unresolved");
}

TEST_CASE("in a quotation, 'X did A and said, ...' is X's, even when the word tables do not know A's verb") {
  const std::string text =
      "Attic\n\n\xE2\x80\x9CNobody wanted the clock,\xE2\x80\x9D she says. \xE2\x80\x9CIt was too heavy. My uncle "
      "set it down by the attic door the week after the sale and said, \xE2\x80\x98Leave it "
      "there.\xE2\x80\x99\xE2\x80\x9D\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "\xE2\x80\x98Leave it") == "My uncle");
  CHECK(category_of(text, "\xE2\x80\x98Leave it") == "unnamed_person");
}

TEST_CASE("a role before a named appositive, and an age, a relative clause or a description after the name") {
  const std::string text =
      "Parking\n\nHer brother, Osmund Keele, 71, who drives a delivery van, said he had been fined twice.\n\n"
      "Another neighbour, Petra Lindqvist, a retired teacher, said the signs were hidden.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "he had been fined") ==
        "Her brother, Osmund Keele, 71, who drives a delivery van");  // the role too
  CHECK(speaker_of(a, text, "he had been fined") == "Osmund Keele");  // the name, past the age and the clause
  CHECK(source_of(a, text, "the signs") == "Another neighbour, Petra Lindqvist, a retired teacher");
  CHECK(speaker_of(a, text, "the signs") == "Petra Lindqvist");  // past the description
}

TEST_CASE("'A juror who asked not to be named because ... said': the reason is the relative clause's") {
  const std::string text =
      "Verdict\n\nA clerk who asked not to be named because the inquiry is still open said the files were "
      "shredded in March.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "the files") == "A clerk who asked not to be named because the inquiry is still open");
  CHECK(category_of(text, "the files") == "unnamed_person");
}

TEST_CASE("'X set a date and ordered ...': a verb the word tables do not know ends the subject, by the parse") {
  const std::string text =
      "Ruling\n\nJudge Imelda Strand heard the case in May.\n\nStrand set sentencing for June 2 and ordered that the "
      "barge stay moored.\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "that the barge") == "Strand");
  CHECK(speaker_of(a, text, "that the barge") == "Imelda Strand");
}

TEST_CASE("a document in the story under the headline's document of the same kind is that document") {
  const std::string text =
      "Upland rivers warming twice as fast, survey finds\n\n"
      "Upland rivers have warmed by 1.4C since 1990, according to a survey published on Monday by the Fenwater "
      "Trust.\n\nThe survey found that trout numbers had halved.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "Upland rivers have warmed") == "survey");  // the headline's mention names it
  CHECK(speaker_of(a, text, "that trout") == "survey");
  CHECK(category_of(text, "Upland rivers have warmed") == "document");
}

TEST_CASE("'the Tern and Quay Porters' Union' is one body; 'the companies' after two named ones are that pair") {
  const std::string text =
      "Merger\n\nHollis Freight and Marrow Lines have agreed to merge, the companies said on Monday.\n\n"
      "The Tern and Quay Porters\xE2\x80\x99 Union said it had not been consulted.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "Hollis Freight and") == "Hollis Freight and Marrow Lines");
  CHECK(category_of(text, "Hollis Freight and") == "named_organization");
  CHECK(speaker_of(a, text, "it had not") == "Tern and Quay Porters\xE2\x80\x99 Union");
}

TEST_CASE("two people with one surname: 'Mr Haldane' is the one not known as a woman, 'the younger Varga' by age") {
  const std::string text =
      "Flood\n\nRuth Haldane said the water rose in minutes.\n\n"
      "\xE2\x80\x9CWe lost everything downstairs,\xE2\x80\x9D she said.\n\n"
      "Colm Haldane, 63, said the pumps had failed.\n\n"
      "\xE2\x80\x9CNobody came for two days,\xE2\x80\x9D Mr Haldane said.\n\n"
      "Emil Varga, 44, waited at the gate all night.\n\n"
      "Tomas Varga, 39, was carried out at noon. \xE2\x80\x9CTell him he owes me a beer,\xE2\x80\x9D the younger "
      "Varga said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\xE2\x80\x9CNobody came") == "Colm Haldane");
  CHECK(speaker_of(a, text, "\xE2\x80\x9CWe lost") == "Ruth Haldane");
  CHECK(speaker_of(a, text, "\xE2\x80\x9CTell him") == "Tomas Varga");
}

TEST_CASE("quotations nested in a quotation: after a time phrase, and after a cue that reports no speech") {
  const std::string text =
      "Looms\n\n\xE2\x80\x9CKirsty told me in March, \xE2\x80\x98Your weavers are tired,\xE2\x80\x99 and she was "
      "right,\xE2\x80\x9D she says.\n\n"
      "\xE2\x80\x9CI asked him in July, and he told me, \xE2\x80\x98"
      "Ask me in May.\xE2\x80\x99 Well, it is nearly "
      "May,\xE2\x80\x9D Jo Kerr said.\n";
  const auto a = Extractor().analyse(text);
  const auto* tired = attribution_of(a, text, "\xE2\x80\x98Your weavers");
  REQUIRE(tired != nullptr);
  CHECK(tired->parent >= 0);
  CHECK(source_of(a, text, "\xE2\x80\x98Your weavers") == "Kirsty");
  CHECK(fragments_of(a, text, "\xE2\x80\x98Your weavers") ==
        std::vector<std::string>{"\xE2\x80\x98Your weavers are tired,\xE2\x80\x99"});
  CHECK(source_of(a, text,
                  "\xE2\x80\x98"
                  "Ask me") == "he");
  // two in one sentence
  const std::string two =
      "Steel\n\n\xE2\x80\x9CI told her once, \xE2\x80\x98You have to ask it first,\xE2\x80\x99 and she said, "
      "\xE2\x80\x98"
      "Ask it what?\xE2\x80\x99 She still asks it nothing,\xE2\x80\x9D Ben Ruel said.\n";
  const auto b = Extractor().analyse(two);
  CHECK(source_of(b, two, "\xE2\x80\x98You have") == "I");
  CHECK(source_of(b, two,
                  "\xE2\x80\x98"
                  "Ask it what") == "she");
}

TEST_CASE("quotations nested in a quotation: 'used to say, ...', 'kept telling me, ...'") {
  const std::string text =
      "Vests\n\n\xE2\x80\x9CHe used to say, \xE2\x80\x98If they cannot see you, they cannot miss you,\xE2\x80\x99"
      "\xE2\x80\x9D she said.\n\n"
      "\xE2\x80\x9CShe kept telling me, \xE2\x80\x98I am not leaving without the albums,\xE2\x80\x99\xE2\x80\x9D he "
      "said.\n";
  const auto a = Extractor().analyse(text);
  const auto* vests = attribution_of(a, text, "\xE2\x80\x98If they");
  REQUIRE(vests != nullptr);
  CHECK(vests->parent >= 0);
  CHECK(text.substr(vests->cue.front().start, vests->cue.front().size()) == "used to say");
  CHECK(source_of(a, text, "\xE2\x80\x98If they") == "He");
  const auto* albums = attribution_of(a, text, "\xE2\x80\x98I am not");
  REQUIRE(albums != nullptr);
  CHECK(text.substr(albums->cue.front().start, albums->cue.front().size()) == "kept telling");
  CHECK(source_of(a, text, "\xE2\x80\x98I am not") == "She");
}

TEST_CASE("'Tolmere General Hospital said': a hospital is a body, and 'General' in its name no title") {
  const std::string text = "Rescue\n\nIn a statement, Tolmere General Hospital said the climber was comfortable.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "the climber") == "Tolmere General Hospital");
  CHECK(category_of(text, "the climber") == "named_organization");
}

TEST_CASE("'Mr Harle's agent, Ines Moreau': the possessor's title says nothing of her sex") {
  const std::string text =
      "Count\n\nThe returning officer, Dana Pike, declared the result at 3am. She said the count was accurate.\n\n"
      "Mr Harle\xE2\x80\x99s agent, Ines Moreau, said the recount was ordered after a bundle was misplaced.\n\n"
      "\xE2\x80\x9CWe will not be challenging the result,\xE2\x80\x9D she said.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\xE2\x80\x9CWe will not") == "Ines Moreau");
}

TEST_CASE("'Mr Crane' after 'Ms Crane' spoke: the other Crane the text names, though not yet a speaker") {
  const std::string text =
      "Count\n\n\xE2\x80\x9CI still can\xE2\x80\x99t believe it,\xE2\x80\x9D Ms Crane said after winning by nine "
      "votes.\n\nDelia Crane, 44, took the seat for the Harbour Party.\n\n"
      "Piet Crane, the third candidate and no relation, finished with 388 votes. Mr Crane said his party had been "
      "squeezed.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\xE2\x80\x9CI still") == "Delia Crane");
  CHECK(speaker_of(a, text, "his party") == "Piet Crane");
}

TEST_CASE("'the lasher said' after 'The two, a crane driver and a lasher, ...': the one introduced with that noun") {
  const std::string text =
      "Strike\n\nMinister Ann Marr told parliament the strike must end.\n\n"
      "The two, a crane driver and a lasher, spoke on condition of anonymity.\n\n"
      "\xE2\x80\x9CThey will vote to go back,\xE2\x80\x9D the lasher said.\n\n"
      "The crane driver, who has worked at the port for 22 years, said the yard was empty.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\xE2\x80\x9CThey will") == "a lasher");  // not the minister named last
  CHECK(category_of(text, "\xE2\x80\x9CThey will") == "unnamed_person");
  CHECK(speaker_of(a, text, "the yard") == "a crane driver");
}

TEST_CASE(
    "'I told Thea I was too old, and she said, ...': the person the speaker's paragraph names, no antecedent after") {
  const std::string text =
      "Play\n\nThe director Thea Galbraith bought the script in 2019.\n\n"
      "Delphine Ansell said she had lived alone in a lighthouse on Skarra Point for a fortnight.\n\n"
      "\xE2\x80\x9CIt was the loneliest month of my life,\xE2\x80\x9D she said.\n\n"
      "Joachim Brede said the festival had sold every seat.\n\n"
      "\xE2\x80\x9CWe could have sold them twice,\xE2\x80\x9D he said.\n\n"
      "\xE2\x80\x9CI told Thea I was too old to play a ghost, and she said, \xE2\x80\x98That is exactly why you are "
      "perfect,\xE2\x80\x99\xE2\x80\x9D Brede says.\n\n"
      "\xE2\x80\x9CWe had one spotlight and a generator,\xE2\x80\x9D he says.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "\xE2\x80\x98That is") == "Thea Galbraith");
  CHECK(speaker_of(a, text, "\xE2\x80\x9CWe had") == "Joachim Brede");
}

TEST_CASE("'Then Ravi stood up and told them, ...' in a quotation: Ravi, past the adverb and a verb the parse knows") {
  const std::string text =
      "Comeback\n\nLeyton came from two goals down, but the win may have cost them their captain, Ravi Menon.\n\n"
      "\xE2\x80\x98"
      "At 2-0 down I was looking at the floor,\xE2\x80\x99 manager Sara Kell said. \xE2\x80\x98Then Ravi "
      "stood up and told them, \xE2\x80\x9CWe are better than this.\xE2\x80\x9D And they did.\xE2\x80\x99\n";
  const auto a = Extractor().analyse(text);
  CHECK(source_of(a, text, "\xE2\x80\x9CWe are better") == "Ravi");
  CHECK(speaker_of(a, text, "\xE2\x80\x9CWe are better") == "Ravi Menon");
}

TEST_CASE("bodies by their names: 'Tarrow Coastguard', 'Merrow County', 'Dunsmere City', 'Hobbin & Crane'") {
  auto body = [](const std::string& sentence) {
    const std::string text = "Test\n\n" + sentence + "\n";
    const auto a = Extractor().analyse(text);
    REQUIRE(!a.attributions.empty());
    const auto& src = a.attributions.front().source;
    REQUIRE(src.has_value());
    return std::pair{std::string(claimtrail::core::to_string(src->category)),
                     src->entity >= 0 ? a.entities[static_cast<std::size_t>(src->entity)].name : std::string()};
  };
  // (a name that is only its own full name says nothing of a person)
  CHECK(body("Tarrow Coastguard said it had sent the lifeboat.") ==
        std::pair<std::string, std::string>{"named_organization", "Tarrow Coastguard"});
  CHECK(body("Merrow County said the contract was void.").first == "named_organization");
  CHECK(body("Dunsmere City said the fee was a club record.").first == "named_organization");
  CHECK(body("Hobbin & Crane said it would recall the chairs.") ==
        std::pair<std::string, std::string>{"named_organization", "Hobbin & Crane"});
  CHECK(body("Jo Crane said she would recall the chairs.").first == "named_person");
}

TEST_CASE("'the regulator said' is the public body the text named, not the person named last") {
  const std::string text =
      "Recall\n\nThe Marlow Product Safety Board opened an inquiry in March.\n\n"
      "Jolene Hart, whose son was hurt, said the chairs should never have been sold.\n\n"
      "The regulator said it had moved as fast as the law allowed.\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text, "it had moved") == "Marlow Product Safety Board");
  CHECK(category_of(text, "it had moved") == "named_organization");
}

TEST_CASE("a floating quotation goes on from the quotation before, not from the document an 'according to' cites") {
  const std::string text =
      "Sculptor\n\n\xE2\x80\x9CShe has never made a small piece,\xE2\x80\x9D says Cosmo Drury, who has sold her work "
      "since 1996. Her largest piece sold for \xC2\xA3"
      "1.4m in 2021, according to the auction house Ockham & Tate.\n\n"
      "\xE2\x80\x9C"
      "Collectors come to the studio in good shoes.\xE2\x80\x9D\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text,
                   "\xE2\x80\x9C"
                   "Collectors") == "Cosmo Drury");
}

TEST_CASE("questions and answers: 'she asked' asks again, 'he said' after her question answers again") {
  const std::string text =
      "Hearing\n\nLorne Vasey and Mira Holt, the company's engineer, faced questions from the committee.\n\n"
      "\xE2\x80\x9CWhen did you first know the calls were failing?\xE2\x80\x9D asked the committee's chair, Ruth "
      "Ambler.\n\n"
      "\xE2\x80\x9C"
      "At about 4.20 in the morning,\xE2\x80\x9D Vasey replied.\n\n"
      "\xE2\x80\x9C"
      "And when did you tell the public?\xE2\x80\x9D she asked.\n\n"
      "\xE2\x80\x9C"
      "At 8.41,\xE2\x80\x9D he said. \xE2\x80\x9CThat was too late.\xE2\x80\x9D\n";
  const auto a = Extractor().analyse(text);
  CHECK(speaker_of(a, text,
                   "\xE2\x80\x9C"
                   "And when") == "Ruth Ambler");
  CHECK(speaker_of(a, text,
                   "\xE2\x80\x9C"
                   "At 8.41") == "Lorne Vasey");
}
