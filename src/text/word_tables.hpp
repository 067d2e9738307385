// Word tables more than one room reads, parsed once (data/lexicon/*.tsv,
// built into the binary): the parser's lexicon and the statement matcher
// take them from here, so a table has one reader.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace claimtrail::text {

// person_nouns.tsv: (singular, plural) of nouns naming a person by role or
// kind, lower-cased; "-" where a form does not exist ("the crowd").
const std::vector<std::pair<std::string, std::string>>& person_nouns();

// org_heads.tsv: nouns that head an organisation's name, lower-cased.
const std::vector<std::string>& org_heads();

// speech_verbs.tsv: each reporting verb's forms, in the table's order (base,
// -s, past, participle, -ing).
const std::vector<std::vector<std::string>>& speech_verbs();

}  // namespace claimtrail::text
