//! Catalogue search for "Citizens find a service": it runs in the browser on every keystroke,
//! so the index is built once and a query only compares the query words with the (small)
//! vocabulary of distinct words, then adds up precomputed per-SOP word lists.
//!
//! - `SearchIndex::new(&catalogue)` once; `search(query, &filter) -> Vec<Hit>`, best first;
//! - `highlight(text, &hit.matched_terms)` cuts a display string into marked/unmarked parts;
//! - `SearchIndex::suggestions(query, &filter)` gives queries to try when nothing is found.
//!
//! Matching rules (the same in `search` and `highlight`):
//! - text is folded: lowercase, Latin accents removed ("Rézé" → "reze"), combining marks
//!   dropped; words are runs of letters and digits, everything else separates them;
//! - two neighbouring words are also indexed joined ("AK-1", "AK 1" → "ak1"; "SP/SB" →
//!   "spsb") when nothing but punctuation separates them, or when either is at most two
//!   characters long, so that people may type codes with or without their punctuation;
//! - a query word matches a word exactly, as its prefix ("penge" → "pengesahan"), or with one
//!   typo (Damerau–Levenshtein distance 1) when it has at least 4 letters. Three-letter words
//!   allow only a swap of two neighbouring letters ("tau" → "tua"): it keeps every letter
//!   typed, the commonest slip on a phone, while a substitution would turn most 3-letter
//!   abbreviations into others. Words of 5 letters or more may also be a prefix with one
//!   typo ("penga", "pengas" → "pengesahan"), for slips made while typing. Words with a digit never
//!   allow a typo: "53" and "55" are different SOP numbers;
//! - a query word that is a word of the catalogue as typed takes no typo: "bursa" finds the
//!   Bursa Kerja, not "bersama" (`highlight`, which does not know the catalogue, may still
//!   mark such a near word in a SOP that matched);
//! - every query word must match somewhere in a SOP (AND); the stop words `STOP_WORDS` are
//!   ignored unless the query has nothing else.
//!
//! Ranking (`Hit::score`, higher is better; ties keep catalogue order): each query word
//! scores its best match, `FIELD_WEIGHT × KIND_WEIGHT`; a query that is a whole title, alias
//! or number, or a phrase inside one, earns `PHRASE_BONUS_*`; all words in the title earns
//! `TITLE_BONUS`. Only then does the breadth of the evidence (the other fields that match)
//! decide, so a word printed twenty times in the steps never outranks a title.

use std::collections::HashMap;
use std::ops::Range;

use crate::catalogue::{Audience, Catalogue, List, Text};

/// Words too common to narrow a search: "surat keterangan untuk jht" searches "surat
/// keterangan jht".
pub const STOP_WORDS: [&str; 7] = ["di", "ke", "dan", "yang", "untuk", "dari", "atau"];

/// What to offer when a search finds nothing and no query word is close to a service name
/// (the services citizens ask for most at the counter). Only those that find something
/// under the current filter are offered.
pub const POPULAR_QUERIES: [&str; 6] = [
    "kartu kuning",
    "jaminan hari tua",
    "pelatihan kerja",
    "perselisihan",
    "peraturan perusahaan",
    "serikat pekerja",
];

/// How many suggestions `suggestions` returns at most.
pub const MAX_SUGGESTIONS: usize = 5;

/// Words beyond this many are ignored: a pasted paragraph must not stall the keystroke loop.
pub const MAX_QUERY_WORDS: usize = 16;

/// The field names shown next to a hit ("cocok di: persyaratan"), in `Field` order.
const FIELD_LABELS: [&str; FIELD_COUNT] = [
    "judul",
    "nama lain",
    "nomor SOP",
    "unit kerja",
    "persyaratan",
    "hasil",
    "kelengkapan",
    "pelaksana",
    "langkah",
];

/// Where in a SOP a query word was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    /// `Sop::aliases`, the names people use.
    Alias,
    /// The Nomor SOP (printed and normalised, which tokenise alike) and the case code.
    Number,
    /// The unit as printed, and its group's names from `data/units.toml`.
    Unit,
    Requirement,
    /// A step's output.
    Output,
    /// A step's inputs (kelengkapan).
    Input,
    /// A pelaksana column.
    Lane,
    /// A step's text.
    Step,
}

const FIELD_COUNT: usize = 9;

const FIELDS: [Field; FIELD_COUNT] = [
    Field::Title,
    Field::Alias,
    Field::Number,
    Field::Unit,
    Field::Requirement,
    Field::Output,
    Field::Input,
    Field::Lane,
    Field::Step,
];

impl Field {
    /// The field's name in Bahasa Indonesia, for the list of hits.
    pub fn label(self) -> &'static str {
        FIELD_LABELS[self as usize]
    }
}

/// How much a match counts, by field (in `Field` order): the names of a SOP first, its unit,
/// then what it asks and produces, then the people and the step texts.
const FIELD_WEIGHT: [u32; FIELD_COUNT] = [10, 10, 10, 5, 3, 3, 3, 2, 1];

/// How much a match counts, by kind (indexed by `MatchKind as usize`; 0 = no match).
const KIND_WEIGHT: [u32; 4] = [0, 3, 4, 6];

/// The query is the whole title, alias or number, every word exact ("kartu kuning").
const PHRASE_BONUS_WHOLE_EXACT: u32 = 100;
/// The query is a whole title, alias or number with a prefix or typo in it ("kartu kunin").
/// The loose bonuses stay below what one prefix loses against a whole word (`KIND_WEIGHT`
/// times the lowest name weight), so that they order prefixes and typos among themselves
/// without lifting them above whole words.
const PHRASE_BONUS_WHOLE_LOOSE: u32 = 15;
/// Two or more query words appear in this order inside one title, alias or number.
const PHRASE_BONUS_INSIDE_EXACT: u32 = 50;
const PHRASE_BONUS_INSIDE_LOOSE: u32 = 10;
/// Two or more query words, all in the title.
const TITLE_BONUS: u32 = 30;

/// The breadth of the evidence breaks ties of relevance only: it fills the low bits.
const BREADTH_BITS: u32 = 10;
const BREADTH_MAX: u32 = (1 << BREADTH_BITS) - 1;

/// What the catalogue page filters on, besides the query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A `Unit::id` (`Sop::unit_group`).
    pub unit_group: Option<String>,
    pub audience: Option<Audience>,
}

impl Filter {
    fn admits(&self, entry: &Entry) -> bool {
        self.unit_group
            .as_ref()
            .is_none_or(|unit| *unit == entry.unit_group)
            && self.audience.is_none_or(|a| a == entry.audience)
    }
}

/// One SOP that matches a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Catalogue::sops`.
    pub sop_index: usize,
    /// Relevance: higher is better; 0 for every hit of an empty query.
    pub score: u32,
    /// The normalised query words that matched (all of them: a SOP must match every word).
    /// Pass these to `highlight`.
    pub matched_terms: Vec<String>,
    /// The fields where at least one query word matched, in `Field` order.
    pub fields: Vec<Field>,
}

/// The catalogue prepared for searching: built once with `SearchIndex::new`, or compiled in.
///
/// Its fields are public only so that the web crate's build.rs can write a built index as a
/// `static` (`literal.rs`): the browser then searches from the first keystroke without
/// building anything. Read it through the methods.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchIndex {
    pub vocabulary: Vocabulary,
    /// Where each vocabulary word occurs, word after word: cells `sop_index * FIELD_COUNT +
    /// field`. A query then touches only the SOPs and fields of the words it matches.
    pub occurrences: List<u32>,
    /// The cells of word `id` are `occurrences[occurrence_ends[id - 1]..occurrence_ends[id]]`.
    pub occurrence_ends: List<u32>,
    /// The vocabulary's ids in the words' order, so that a word taken as typed finds its
    /// extensions (and itself) by binary search instead of a scan.
    pub sorted_ids: List<u32>,
    pub entries: List<Entry>,
    /// The SOPs each of `POPULAR_QUERIES` finds without a filter: under a filter it finds
    /// something exactly when one of them is admitted, so suggestions need not search again.
    pub popular_finds: List<List<u32>>,
}

/// Every distinct folded word of the catalogue, stored end to end so that the per-keystroke
/// scan over it walks one contiguous buffer of chars.
///
/// Kept as text (a quarter of the bytes of chars in a compiled-in index) and decoded into
/// chars on the first search.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    pub text: Text,
    /// Word `id` is `chars[ends[id - 1]..ends[id]]`, counted in chars.
    pub ends: List<u32>,
    /// How many SOPs use the word, to prefer common words in suggestions.
    pub sop_counts: List<u16>,
    /// Whether the word appears in a title or an alias (suggestions offer only those).
    pub in_names: List<bool>,
    pub chars: std::sync::OnceLock<Vec<char>>,
}

impl PartialEq for Vocabulary {
    fn eq(&self, other: &Self) -> bool {
        (&self.text, &self.ends, &self.sop_counts, &self.in_names)
            == (&other.text, &other.ends, &other.sop_counts, &other.in_names)
    }
}

impl Vocabulary {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn word(&self, id: usize) -> &[char] {
        let chars = self.chars.get_or_init(|| self.text.chars().collect());
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        &chars[start..self.ends[id] as usize]
    }
}

/// The vocabulary while the index is built: words are interned through a map, which the
/// finished index no longer needs (its sorted ids answer the same question).
#[derive(Default)]
struct VocabularyBuilder {
    chars: Vec<char>,
    ends: Vec<u32>,
    sop_counts: Vec<u16>,
    in_names: Vec<bool>,
    ids: HashMap<Vec<char>, u32>,
}

impl VocabularyBuilder {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn word(&self, id: usize) -> &[char] {
        let start = if id == 0 { 0 } else { self.ends[id - 1] as usize };
        &self.chars[start..self.ends[id] as usize]
    }

    fn intern(&mut self, word: &[char]) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.ends.len() as u32;
        self.chars.extend_from_slice(word);
        self.ends.push(self.chars.len() as u32);
        self.sop_counts.push(0);
        self.in_names.push(false);
        self.ids.insert(word.to_vec(), id);
        id
    }

    fn finish(self) -> Vocabulary {
        Vocabulary {
            text: self.chars.iter().collect::<String>().into(),
            chars: std::sync::OnceLock::new(),
            ends: self.ends.into(),
            sop_counts: self.sop_counts.into(),
            in_names: self.in_names.into(),
        }
    }
}

/// One SOP as the search sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub unit_group: Text,
    pub audience: Audience,
    /// The title, each alias, the number and the code as word sequences without stop words,
    /// for phrase matches.
    pub phrases: List<List<u32>>,
    /// The aliases as written, offered as suggestions.
    pub aliases: List<Text>,
}

impl SearchIndex {
    pub fn new(catalogue: &Catalogue) -> SearchIndex {
        let mut vocabulary = VocabularyBuilder::default();
        let mut entries = Vec::with_capacity(catalogue.sops.len());
        let mut words = Words::default();
        // (word id, cell) for every distinct word of every field of every SOP.
        let mut cells: Vec<(u32, u32)> = Vec::new();
        for (sop_index, sop) in catalogue.sops.iter().enumerate() {
            let mut phrases: Vec<Vec<u32>> = Vec::new();
            // Per `Field`: the word ids (joined forms included) of all its texts.
            let mut field_words: [Vec<u32>; FIELD_COUNT] = Default::default();
            let mut add = |field: Field, text: &str| {
                let ids = &mut field_words[field as usize];
                add_text(&mut vocabulary, &mut phrases, ids, &mut words, field, text)
            };
            add(Field::Title, &sop.title);
            for alias in sop.aliases.iter() {
                add(Field::Alias, alias);
            }
            add(Field::Number, &sop.number_normalized);
            add(Field::Number, &sop.code);
            add(Field::Unit, &sop.unit);
            if let Some(unit) = catalogue.unit_of(sop) {
                add(Field::Unit, &unit.name);
                add(Field::Unit, &unit.short);
            }
            for requirement in sop.requirements.iter() {
                add(Field::Requirement, requirement);
            }
            for lane in sop.lanes.iter() {
                add(Field::Lane, lane);
            }
            for step in sop.steps.iter() {
                add(Field::Step, &step.text);
                add(Field::Input, &step.inputs);
                add(Field::Output, &step.output);
            }
            let mut all_ids: Vec<u32> = Vec::new();
            for (field, ids) in field_words.iter_mut().enumerate() {
                ids.sort_unstable();
                ids.dedup();
                all_ids.extend_from_slice(ids);
                let cell = (sop_index * FIELD_COUNT + field) as u32;
                cells.extend(ids.iter().map(|&id| (id, cell)));
            }
            all_ids.sort_unstable();
            all_ids.dedup();
            for id in all_ids {
                let count = &mut vocabulary.sop_counts[id as usize];
                *count = count.saturating_add(1);
            }
            for field in [Field::Title, Field::Alias] {
                for &id in &field_words[field as usize] {
                    vocabulary.in_names[id as usize] = true;
                }
            }
            entries.push(Entry {
                unit_group: sop.unit_group.clone(),
                audience: sop.audience,
                phrases: phrases.into_iter().map(List::from).collect(),
                aliases: sop.aliases.clone(),
            });
        }
        cells.sort_unstable();
        let mut occurrence_ends = Vec::with_capacity(vocabulary.len());
        let mut cells = cells.into_iter().peekable();
        let mut occurrences = Vec::new();
        for id in 0..vocabulary.len() as u32 {
            while let Some((_, cell)) = cells.next_if(|(word, _)| *word == id) {
                occurrences.push(cell);
            }
            occurrence_ends.push(occurrences.len() as u32);
        }
        let mut sorted_ids: Vec<u32> = (0..vocabulary.len() as u32).collect();
        sorted_ids.sort_by(|&a, &b| vocabulary.word(a as usize).cmp(vocabulary.word(b as usize)));
        let mut index = SearchIndex {
            vocabulary: vocabulary.finish(),
            occurrences: occurrences.into(),
            occurrence_ends: occurrence_ends.into(),
            sorted_ids: sorted_ids.into(),
            entries: entries.into(),
            popular_finds: List::default(),
        };
        index.popular_finds = POPULAR_QUERIES
            .iter()
            .map(|query| {
                let hits = index.search(query, &Filter::default());
                hits.iter().map(|hit| hit.sop_index as u32).collect::<Vec<_>>().into()
            })
            .collect();
        index
    }

    /// Whether `word` is a word of the catalogue as it is (binary search over the sorted ids).
    fn knows(&self, word: &[char]) -> bool {
        self.sorted_ids
            .binary_search_by(|&id| self.vocabulary.word(id as usize).cmp(word))
            .is_ok()
    }

    /// The SOPs matching every word of `query` and passing `filter`, best first. An empty
    /// query (or one with no letters or digits) lists every SOP passing the filter, in
    /// catalogue order.
    pub fn search(&self, query: &str, filter: &Filter) -> Vec<Hit> {
        let words = self.query_words(query);
        if words.is_empty() {
            return self
                .admitted(filter)
                .map(|sop_index| Hit {
                    sop_index,
                    score: 0,
                    matched_terms: Vec::new(),
                    fields: Vec::new(),
                })
                .collect();
        }
        let Some(kinds) = self.match_vocabulary(&words) else {
            return Vec::new();
        };
        let field_kinds = self.field_kinds(&kinds, words.len());
        let matched_terms = distinct_texts(&words);
        let mut hits: Vec<Hit> = self
            .admitted(filter)
            .filter_map(|sop_index| {
                let (score, fields) = self.score(sop_index, &kinds, &field_kinds, words.len())?;
                Some(Hit {
                    sop_index,
                    score,
                    matched_terms: matched_terms.clone(),
                    fields,
                })
            })
            .collect();
        // Stable: equal scores keep catalogue order.
        hits.sort_by_key(|hit| std::cmp::Reverse(hit.score));
        hits
    }

    /// Queries to try when `search(query, filter)` finds nothing (at most `MAX_SUGGESTIONS`,
    /// each of which finds something under `filter`): the query with its unknown words
    /// replaced by the closest words of titles and aliases, then the aliases closest to the
    /// query, then `POPULAR_QUERIES`, then the first alias of the first SOPs passing the
    /// filter.
    pub fn suggestions(&self, query: &str, filter: &Filter) -> Vec<String> {
        let words = self.query_words(query);
        let typed = distinct_texts(&words).join(" ");
        let mut out: Vec<String> = Vec::new();
        // `known_to_find`: an alias of an admitted SOP always finds that SOP.
        let offer = |candidate: String, known_to_find: bool, out: &mut Vec<String>| {
            if out.len() < MAX_SUGGESTIONS
                && normalize(&candidate) != typed
                && !out.contains(&candidate)
                && (known_to_find || !self.search(&candidate, filter).is_empty())
            {
                out.push(candidate);
            }
        };
        if let Some(corrected) = self.corrected_query(&words, filter) {
            offer(corrected, false, &mut out);
        }
        for alias in self.closest_aliases(&words, filter) {
            offer(alias, true, &mut out);
        }
        for (popular, finds) in POPULAR_QUERIES.iter().zip(self.popular_finds.iter()) {
            let admitted = finds.iter().any(|&i| filter.admits(&self.entries[i as usize]));
            if admitted {
                offer(popular.to_string(), true, &mut out);
            }
        }
        for sop_index in self.admitted(filter) {
            if let Some(alias) = self.entries[sop_index].aliases.first() {
                offer(alias.to_string(), true, &mut out);
            }
        }
        out
    }

    /// The query's words, taken as typed when the catalogue has them: "bursa kerja" means
    /// the Bursa Kerja, not "bersama" with a slip.
    fn query_words(&self, query: &str) -> Vec<QueryWord> {
        let mut words = query_words(query);
        for word in &mut words {
            if self.knows(&word.chars) {
                word.typos = Typos::None;
            }
        }
        words
    }

    fn admitted<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = usize> + 'a {
        self.entries
            .iter()
            .enumerate()
            .filter(move |(_, entry)| filter.admits(entry))
            .map(|(index, _)| index)
    }

    /// For each query word, how it matches each vocabulary word (`MatchKind as u8`, 0 for
    /// none), row after row. `None` when some word matches nothing at all: under AND no SOP
    /// can match, and the caller stops before looking at any SOP.
    fn match_vocabulary(&self, words: &[QueryWord]) -> Option<Vec<u8>> {
        let size = self.vocabulary.len();
        if size == 0 {
            return None;
        }
        let mut kinds = vec![0u8; words.len() * size];
        for (row, word) in kinds.chunks_mut(size).zip(words) {
            let mut any = false;
            if word.typos == Typos::None {
                // Only the word and its extensions, which sort together right after it.
                let query = word.chars.as_slice();
                let first = self
                    .sorted_ids
                    .partition_point(|&id| self.vocabulary.word(id as usize) < query);
                for &id in &self.sorted_ids[first..] {
                    let Some(found) = word.matches(self.vocabulary.word(id as usize)) else {
                        break;
                    };
                    row[id as usize] = found as u8;
                    any = true;
                }
            } else {
                for (id, kind) in row.iter_mut().enumerate() {
                    if let Some(found) = word.matches(self.vocabulary.word(id)) {
                        *kind = found as u8;
                        any = true;
                    }
                }
            }
            if !any {
                return None;
            }
        }
        Some(kinds)
    }

    /// For each query word, SOP and field, the best match kind: rows of
    /// `entries.len() * FIELD_COUNT` cells, one row per query word.
    fn field_kinds(&self, kinds: &[u8], word_count: usize) -> Vec<u8> {
        let size = self.vocabulary.len();
        let row_len = self.entries.len() * FIELD_COUNT;
        let mut field_kinds = vec![0u8; word_count * row_len];
        for (row, word_kinds) in field_kinds.chunks_mut(row_len).zip(kinds.chunks(size)) {
            for (id, &kind) in word_kinds.iter().enumerate() {
                if kind == 0 {
                    continue;
                }
                let start = if id == 0 {
                    0
                } else {
                    self.occurrence_ends[id - 1]
                };
                let end = self.occurrence_ends[id];
                for &cell in &self.occurrences[start as usize..end as usize] {
                    let best = &mut row[cell as usize];
                    *best = (*best).max(kind);
                }
            }
        }
        field_kinds
    }

    /// The score of one SOP and the fields that matched, or `None` when a word is missing.
    fn score(
        &self,
        sop_index: usize,
        kinds: &[u8],
        field_kinds: &[u8],
        word_count: usize,
    ) -> Option<(u32, Vec<Field>)> {
        let size = self.vocabulary.len();
        let row_len = self.entries.len() * FIELD_COUNT;
        let first_cell = sop_index * FIELD_COUNT;
        let mut relevance = 0u32;
        let mut breadth = 0u32;
        let mut matched_fields = [false; FIELD_COUNT];
        let mut all_in_title = true;
        for row in field_kinds.chunks(row_len).take(word_count) {
            let mut best = 0u32;
            let mut sum = 0u32;
            for (field, &kind) in row[first_cell..first_cell + FIELD_COUNT].iter().enumerate() {
                if field == Field::Title as usize && kind == 0 {
                    all_in_title = false;
                }
                if kind > 0 {
                    matched_fields[field] = true;
                    let points = FIELD_WEIGHT[field] * KIND_WEIGHT[kind as usize];
                    best = best.max(points);
                    sum += points;
                }
            }
            if best == 0 {
                return None;
            }
            relevance += best;
            breadth += sum - best;
        }
        relevance += self.entries[sop_index]
            .phrases
            .iter()
            .map(|phrase| phrase_bonus(phrase, kinds, size, word_count))
            .max()
            .unwrap_or(0);
        if word_count >= 2 && all_in_title {
            relevance += TITLE_BONUS;
        }
        let fields = FIELDS
            .iter()
            .zip(matched_fields)
            .filter(|(_, matched)| *matched)
            .map(|(field, _)| *field)
            .collect();
        let score = relevance
            .saturating_mul(1 << BREADTH_BITS)
            .saturating_add(breadth.min(BREADTH_MAX));
        Some((score, fields))
    }

    /// The query with each word that matches nothing (under the filter) replaced by the
    /// closest title or alias word; `None` when nothing needed or could be replaced.
    fn corrected_query(&self, words: &[QueryWord], filter: &Filter) -> Option<String> {
        let mut replaced = false;
        let mut corrected = Vec::with_capacity(words.len());
        for word in words {
            if !self.search(&word.text, filter).is_empty() {
                corrected.push(word.text.clone());
                continue;
            }
            let closest = self.closest_name_word(&word.chars, filter)?;
            corrected.push(closest);
            replaced = true;
        }
        replaced.then(|| corrected.join(" "))
    }

    /// The title or alias word closest to `typed` by edit distance (within `typo_limit`), the
    /// most widely used one on a tie.
    fn closest_name_word(&self, typed: &[char], filter: &Filter) -> Option<String> {
        let limit = typo_limit(typed);
        if limit == 0 {
            return None;
        }
        let mut distance_to = EditDistance::default();
        let mut candidates: Vec<(usize, std::cmp::Reverse<u16>, String)> =
            (0..self.vocabulary.len())
                .filter(|&id| self.vocabulary.in_names[id])
                .filter_map(|id| {
                    let word = self.vocabulary.word(id);
                    let distance = distance_to.within(typed, word, limit)?;
                    let used_by = std::cmp::Reverse(self.vocabulary.sop_counts[id]);
                    Some((distance, used_by, word.iter().collect()))
                })
                .collect();
        candidates.sort();
        // The closest word may belong only to SOPs the filter hides.
        candidates
            .into_iter()
            .map(|(_, _, text)| text)
            .find(|text| !self.search(text, filter).is_empty())
    }

    /// Aliases of the admitted SOPs that share the most words with the query (a word is
    /// shared when it matches by the search rules or is within `typo_limit` of an alias
    /// word), fewest edits first, then catalogue order.
    fn closest_aliases(&self, words: &[QueryWord], filter: &Filter) -> Vec<String> {
        let mut scored: Vec<(usize, usize, String)> = Vec::new();
        let mut alias_words = Words::default();
        let mut distance_to = EditDistance::default();
        for sop_index in self.admitted(filter) {
            for alias in self.entries[sop_index].aliases.iter() {
                alias_words.split(alias);
                let mut shared = 0;
                let mut edits = 0;
                for word in words {
                    let limit = typo_limit(&word.chars);
                    let closest = alias_words
                        .spans
                        .iter()
                        .filter_map(|span| {
                            let candidate = alias_words.folded(span);
                            if word.matches(candidate).is_some() {
                                Some(0)
                            } else {
                                distance_to.within(&word.chars, candidate, limit)
                            }
                        })
                        .min();
                    if let Some(distance) = closest {
                        shared += 1;
                        edits += distance;
                    }
                }
                if shared > 0 {
                    scored.push((shared, edits, alias.to_string()));
                }
            }
        }
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().map(|(_, _, alias)| alias).collect()
    }
}

/// How many edits a suggestion may undo in a word: a third of it, at most 2 ("kunnnig" →
/// "kuning"); none in words of one or two letters, where any two letters are close.
fn typo_limit(word: &[char]) -> usize {
    (word.len() / 3).min(2)
}

/// Adds one text of a SOP to the vocabulary and to the SOP's entry.
fn add_text(
    vocabulary: &mut VocabularyBuilder,
    phrases: &mut Vec<Vec<u32>>,
    field_words: &mut Vec<u32>,
    words: &mut Words,
    field: Field,
    text: &str,
) {
    words.split(text);
    if words.spans.is_empty() {
        return;
    }
    let mut sequence = Vec::with_capacity(words.spans.len());
    let mut joined: Vec<char> = Vec::new();
    for (i, span) in words.spans.iter().enumerate() {
        let word = words.folded(span);
        let id = vocabulary.intern(word);
        field_words.push(id);
        if !is_stop_word(word) {
            sequence.push(id);
        }
        if i > 0 && words.joinable(i) {
            joined.clear();
            joined.extend_from_slice(words.folded(&words.spans[i - 1]));
            joined.extend_from_slice(word);
            let id = vocabulary.intern(&joined);
            field_words.push(id);
        }
    }
    if matches!(field, Field::Title | Field::Alias | Field::Number) && !sequence.is_empty() {
        phrases.push(sequence);
    }
}

/// The bonus for the query words appearing in order in `phrase` (see `PHRASE_BONUS_*`).
fn phrase_bonus(phrase: &[u32], kinds: &[u8], size: usize, word_count: usize) -> u32 {
    if phrase.len() < word_count {
        return 0;
    }
    let mut bonus = 0;
    for start in 0..=phrase.len() - word_count {
        let weakest = (0..word_count)
            .map(|w| kinds[w * size + phrase[start + w] as usize])
            .min()
            .unwrap_or(0);
        if weakest == 0 {
            continue;
        }
        let exact = weakest == MatchKind::Exact as u8;
        let found = match (word_count == phrase.len(), exact) {
            (true, true) => PHRASE_BONUS_WHOLE_EXACT,
            (true, false) => PHRASE_BONUS_WHOLE_LOOSE,
            // A single word inside a longer name is an ordinary whole-word match.
            _ if word_count < 2 => 0,
            (false, true) => PHRASE_BONUS_INSIDE_EXACT,
            (false, false) => PHRASE_BONUS_INSIDE_LOOSE,
        };
        bonus = bonus.max(found);
    }
    bonus
}

fn distinct_texts(words: &[QueryWord]) -> Vec<String> {
    let mut texts: Vec<String> = Vec::with_capacity(words.len());
    for word in words {
        if !texts.contains(&word.text) {
            texts.push(word.text.clone());
        }
    }
    texts
}

// ---------------------------------------------------------------------------------------
// Matching one query word against one word

/// How a query word matches a word; the order is the order of preference.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum MatchKind {
    Typo = 1,
    Prefix = 2,
    Exact = 3,
}

/// A query word this long may also be a prefix with one typo.
const MIN_TYPO_PREFIX_LEN: usize = 5;

/// Which typos a query word tolerates (see the module documentation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Typos {
    None,
    SwapOnly,
    OneEdit,
}

/// One normalised query word.
#[derive(Clone, Debug)]
struct QueryWord {
    chars: Vec<char>,
    text: String,
    typos: Typos,
}

impl QueryWord {
    fn new(chars: &[char]) -> QueryWord {
        let typos = if chars.iter().any(|c| c.is_numeric()) {
            Typos::None
        } else if chars.len() >= 4 {
            Typos::OneEdit
        } else if chars.len() == 3 {
            Typos::SwapOnly
        } else {
            Typos::None
        };
        QueryWord {
            chars: chars.to_vec(),
            text: chars.iter().collect(),
            typos,
        }
    }

    fn matches(&self, word: &[char]) -> Option<MatchKind> {
        let query = self.chars.as_slice();
        // Cheapest exit first: most vocabulary words are too short to match at all.
        if word.len() + 1 < query.len() {
            return None;
        }
        let same = common_prefix_len(query, word);
        if same == query.len() {
            return Some(if word.len() == query.len() {
                MatchKind::Exact
            } else {
                MatchKind::Prefix
            });
        }
        typo_match_after(query, word, self.typos, same).then_some(MatchKind::Typo)
    }
}

/// Whether `query` is one edit allowed by `typos` away from `word` (restricted
/// Damerau–Levenshtein distance 1: a substitution, a letter too many or too few, or two
/// neighbouring letters swapped), or, for words of at least `MIN_TYPO_PREFIX_LEN`, from a
/// prefix of `word`: a slip in a word still being typed ("pengas" for "pengesahan").
///
/// With a single edit, the edit sits at the first difference, so one pass finds it and each
/// variant is one slice comparison: this runs for every vocabulary word on every keystroke.
#[cfg(test)]
fn typo_match(query: &[char], word: &[char], typos: Typos) -> bool {
    typo_match_after(query, word, typos, common_prefix_len(query, word))
}

/// `typo_match` when the first `same` characters of `query` and `word` are known to agree
/// and the next do not.
fn typo_match_after(query: &[char], word: &[char], typos: Typos, same: usize) -> bool {
    if typos == Typos::None {
        return false;
    }
    let one_edit = typos == Typos::OneEdit;
    let prefix_allowed = one_edit && query.len() >= MIN_TYPO_PREFIX_LEN;
    // `end`: where the edited copy of the query ends in `word`.
    let fits = |end: usize| word.len() == end || (prefix_allowed && word.len() > end);
    let n = query.len();
    let substituted =
        one_edit && same < n && fits(n) && same_chars(&query[same + 1..], &word[same + 1..n]);
    let swapped = same + 1 < n
        && fits(n)
        && query[same] == word[same + 1]
        && query[same + 1] == word[same]
        && same_chars(&query[same + 2..], &word[same + 2..n]);
    let letter_too_many =
        one_edit && same < n && fits(n - 1) && same_chars(&query[same + 1..], &word[same..n - 1]);
    let letter_missing =
        one_edit && fits(n + 1) && same_chars(&query[same..], &word[same + 1..n + 1]);
    substituted || swapped || letter_too_many || letter_missing
}

fn common_prefix_len(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Slice equality as a plain loop: the slices here are a few characters long and usually
/// differ at once, where a call to `memcmp` would cost more than the comparison.
fn same_chars(a: &[char], b: &[char]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The restricted Damerau–Levenshtein (optimal string alignment) distance when it is at most
/// `limit`, for suggestions: it runs over the vocabulary when a search finds nothing, so it
/// keeps its rows from call to call and gives up as soon as a whole row exceeds `limit` (a
/// row's minimum never decreases).
#[derive(Debug, Default)]
struct EditDistance {
    rows: [Vec<usize>; 3],
}

impl EditDistance {
    fn within(&mut self, a: &[char], b: &[char], limit: usize) -> Option<usize> {
        if a.len().abs_diff(b.len()) > limit {
            return None;
        }
        let width = b.len() + 1;
        let [before, previous, current] = &mut self.rows;
        for row in [&mut *before, &mut *previous, &mut *current] {
            row.clear();
            row.resize(width, 0);
        }
        for (j, cell) in previous.iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            current[0] = i;
            let mut row_min = i;
            for j in 1..width {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut distance = (previous[j] + 1)
                    .min(current[j - 1] + 1)
                    .min(previous[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    distance = distance.min(before[j - 2] + 1);
                }
                current[j] = distance;
                row_min = row_min.min(distance);
            }
            if row_min > limit {
                return None;
            }
            std::mem::swap(before, previous);
            std::mem::swap(previous, current);
        }
        Some(previous[b.len()]).filter(|d| *d <= limit)
    }
}

fn is_stop_word(word: &[char]) -> bool {
    STOP_WORDS
        .iter()
        .any(|stop| stop.chars().eq(word.iter().copied()))
}

/// The words of a query, folded, without stop words (unless there is nothing else), at most
/// `MAX_QUERY_WORDS`.
fn query_words(query: &str) -> Vec<QueryWord> {
    let mut words = Words::default();
    words.split(query);
    let all: Vec<&[char]> = words.spans.iter().map(|s| words.folded(s)).collect();
    let content: Vec<&[char]> = all.iter().copied().filter(|w| !is_stop_word(w)).collect();
    let chosen = if content.is_empty() { all } else { content };
    chosen
        .into_iter()
        .take(MAX_QUERY_WORDS)
        .map(QueryWord::new)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Normalisation

/// `text` folded and tokenised, words joined by single spaces: "Kartu AK-1 (Kuning)" →
/// "kartu ak 1 kuning". The form in which `Hit::matched_terms` are given.
pub fn normalize(text: &str) -> String {
    let mut words = Words::default();
    words.split(text);
    let mut out = String::with_capacity(text.len());
    for span in &words.spans {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(words.folded(span));
    }
    out
}

/// One word of a text: where it is in the original, and its folded form in `Words::folded`.
#[derive(Clone, Debug)]
struct Span {
    bytes: Range<usize>,
    folded: Range<usize>,
    /// Whether whitespace separates it from the previous word.
    space_before: bool,
}

/// The words of one text, reused from text to text to spare allocations.
#[derive(Clone, Debug, Default)]
struct Words {
    spans: Vec<Span>,
    folded: Vec<char>,
}

impl Words {
    fn split(&mut self, text: &str) {
        self.spans.clear();
        self.folded.clear();
        let mut start: Option<usize> = None;
        let mut folded_start = 0;
        let mut space_before = false;
        for (at, c) in text.char_indices() {
            if c.is_alphanumeric() || (start.is_some() && is_combining_mark(c)) {
                if start.is_none() {
                    start = Some(at);
                    folded_start = self.folded.len();
                }
                fold_char(c, &mut self.folded);
                continue;
            }
            if let Some(begin) = start.take() {
                self.push(begin..at, folded_start, space_before);
                space_before = false;
            }
            space_before |= c.is_whitespace();
        }
        if let Some(begin) = start {
            self.push(begin..text.len(), folded_start, space_before);
        }
    }

    fn push(&mut self, bytes: Range<usize>, folded_start: usize, space_before: bool) {
        if self.folded.len() > folded_start {
            self.spans.push(Span {
                bytes,
                folded: folded_start..self.folded.len(),
                space_before,
            });
        }
    }

    fn folded(&self, span: &Span) -> &[char] {
        &self.folded[span.folded.clone()]
    }

    /// Whether word `i` and the one before it are also read as one word (see the module
    /// documentation): "AK-1", "SP/SB", "AK 1", "TU - 1".
    fn joinable(&self, i: usize) -> bool {
        let (before, this) = (&self.spans[i - 1], &self.spans[i]);
        !this.space_before || before.folded.len() <= 2 || this.folded.len() <= 2
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// U+00C0..=U+00FF folded; "" for × and ÷, which are not letters.
const LATIN_1_FOLDS: [&str; 64] = [
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", //
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "ss", //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", //
    "d", "n", "o", "o", "o", "o", "o", "", "o", "u", "u", "u", "u", "y", "th", "y",
];

/// U+0100..=U+017F (Latin Extended-A) folded, one byte each; `1` stands for "ij" and `2`
/// for "oe".
const LATIN_EXTENDED_A_FOLDS: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii11jjkkkllllllllllnnnnnnnnnoooooo22rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// Appends the folded form of `c`: ASCII lowercase for Latin letters with or without
/// accents, the lowercase for other scripts, nothing for combining marks.
fn fold_char(c: char, out: &mut Vec<char>) {
    match c as u32 {
        0..=0x7F => out.push(c.to_ascii_lowercase()),
        code @ 0xC0..=0xFF => out.extend(LATIN_1_FOLDS[(code - 0xC0) as usize].chars()),
        code @ 0x100..=0x17F => match LATIN_EXTENDED_A_FOLDS[(code - 0x100) as usize] {
            b'1' => out.extend(['i', 'j']),
            b'2' => out.extend(['o', 'e']),
            letter => out.push(letter as char),
        },
        _ => match c {
            'ƒ' => out.push('f'),
            'Ș' | 'ș' => out.push('s'),
            'Ț' | 'ț' => out.push('t'),
            _ => out.extend(c.to_lowercase().filter(|l| !is_combining_mark(*l))),
        },
    }
}

// ---------------------------------------------------------------------------------------
// Highlighting

/// Cuts `text` (as displayed, not normalised) into segments, `true` for the words that match
/// one of `terms` by the search rules (give it `Hit::matched_terms`). Concatenating the
/// segments gives `text` back exactly. A code typed without punctuation marks the whole
/// printed form ("ak1" marks "AK 1" and "AK-1").
pub fn highlight(text: &str, terms: &[String]) -> Vec<(String, bool)> {
    let mut term_words = Words::default();
    let mut queries: Vec<QueryWord> = Vec::new();
    for term in terms {
        term_words.split(term);
        for span in &term_words.spans {
            queries.push(QueryWord::new(term_words.folded(span)));
        }
    }
    let mut words = Words::default();
    words.split(text);
    let count = words.spans.len();
    let mut word_marked = vec![false; count];
    // gap_marked[i]: the separator before word i belongs to a joined match.
    let mut gap_marked = vec![false; count];
    let mut joined: Vec<char> = Vec::new();
    for i in 0..count {
        let word = words.folded(&words.spans[i]);
        if queries.iter().any(|q| q.matches(word).is_some()) {
            word_marked[i] = true;
        }
        if i > 0 && words.joinable(i) {
            let before = words.folded(&words.spans[i - 1]);
            joined.clear();
            joined.extend_from_slice(before);
            joined.extend_from_slice(word);
            // Only a term typed through the first word into this one: "ak" alone must not
            // mark the "1", nor "kartu" (one letter off "1kartu") the "1" of "AK 1 (Kartu".
            let reaches_in = |q: &QueryWord| {
                q.chars.len() > before.len()
                    && q.chars.starts_with(before)
                    && q.matches(&joined) >= Some(MatchKind::Prefix)
            };
            if queries.iter().any(reaches_in) {
                word_marked[i - 1] = true;
                word_marked[i] = true;
                gap_marked[i] = true;
            }
        }
    }
    let mut segments: Vec<(String, bool)> = Vec::new();
    let mut push = |piece: &str, marked: bool| {
        if piece.is_empty() {
            return;
        }
        match segments.last_mut() {
            Some((last, last_marked)) if *last_marked == marked => last.push_str(piece),
            _ => segments.push((piece.to_string(), marked)),
        }
    };
    let mut at = 0;
    for (i, span) in words.spans.iter().enumerate() {
        push(&text[at..span.bytes.start], gap_marked[i]);
        push(&text[span.bytes.clone()], word_marked[i]);
        at = span.bytes.end;
    }
    push(&text[at..], false);
    segments
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::{CalendarData, OfficeHours};
    use crate::catalogue::{Sop, Step, Unit};
    use crate::duration::{Duration, StatedComparison, Total};
    use proptest::prelude::*;

    fn sop(id: &str, title: &str, aliases: &[&str]) -> Sop {
        Sop {
            id: id.to_string().into(),
            code: String::new().into(),
            number: String::new().into(),
            number_normalized: String::new().into(),
            title: title.to_string().into(),
            unit: String::new().into(),
            unit_group: "umum".into(),
            audience: Audience::Public,
            aliases: aliases.iter().map(|a| a.to_string().into()).collect(),
            created: None,
            revised: None,
            effective: None,
            approved_by: String::new().into(),
            legal_basis: Vec::new().into(),
            related: Vec::new().into(),
            warning: String::new().into(),
            qualifications: Vec::new().into(),
            equipment: Vec::new().into(),
            records: Vec::new().into(),
            requirements: Vec::new().into(),
            lanes: Vec::new().into(),
            steps: Vec::new().into(),
            stated_total: String::new().into(),
            stated_total_parsed: Duration::None,
            total: Total::default(),
            stated_comparison: StatedComparison::NotPrinted,
            corrections: Vec::new().into(),
        }
    }

    fn step(text: &str, inputs: &str, output: &str) -> Step {
        Step {
            no: 1,
            text: text.to_string().into(),
            lane: String::new().into(),
            lane_index: 0,
            lane_inferred: false,
            inputs: inputs.to_string().into(),
            duration: String::new().into(),
            duration_parsed: Duration::None,
            output: output.to_string().into(),
            note: String::new().into(),
            label: None,
            decision: None,
        }
    }

    fn catalogue(sops: Vec<Sop>) -> Catalogue {
        Catalogue {
            sops: sops.into(),
            units: vec![Unit {
                id: "umum".into(),
                name: "Bagian Umum".into(),
                short: "Umum".into(),
            }].into(),
            calendar: CalendarData {
                office: OfficeHours::default(),
                holidays: Vec::new().into(),
            },
            findings: Vec::new().into(),
        }
    }

    /// The ids of the hits, best first.
    fn found(c: &Catalogue, query: &str, filter: &Filter) -> Vec<String> {
        SearchIndex::new(c)
            .search(query, filter)
            .iter()
            .map(|h| c.sops[h.sop_index].id.to_string())
            .collect()
    }

    fn check_found(c: &Catalogue, cases: &[(&str, &[&str])]) {
        for (query, expected) in cases {
            assert_eq!(
                found(c, query, &Filter::default()),
                *expected,
                "query {query:?}"
            );
        }
    }

    /// A small office: enough words to exercise every rule.
    fn office() -> Catalogue {
        let mut kartu = sop(
            "kartu",
            "Prosedur Pembuatan Kartu AK 1 (Kartu Kuning)",
            &["kartu kuning", "ak-1"],
        );
        kartu.number = "65 / DPTTK / TU-1 / 1 / 2025".into();
        kartu.number_normalized = "65/DPTTK/TU-1/1/2025".into();
        kartu.code = "AK1".into();
        kartu.requirements = vec!["KTP".into(), "Ijazah Terakhir".into()].into();
        kartu.lanes = vec!["Pencari kerja".into(), "Petugas Bursa Kerja".into()].into();
        kartu.steps = vec![step("Mencetak kartu", "Berkas persyaratan", "Kartu AK 1")].into();
        let mut jht = sop("jht", "Surat Keterangan Jaminan Hari Tua", &["jht"]);
        jht.number = "53 / DPTTK / TU - 1 / I / 2025".into();
        jht.number_normalized = "53/DPTTK/TU-1/I/2025".into();
        jht.unit = "Bidang Hubungan Industrial".into();
        jht.steps = vec![step(
            "Pengawas meneliti kelengkapan berkas",
            "Surat permohonan",
            "Konsep surat",
        )].into();
        let mut spsb = sop(
            "spsb",
            "Pencatatan Serikat Pekerja/Serikat Buruh (SP/SB)",
            &[],
        );
        spsb.unit = "Bidang Hubungan Industrial".into();
        spsb.audience = Audience::Public;
        let mut cuti = sop("cuti", "Prosedur Cuti Tahunan ASN", &["cuti"]);
        cuti.unit_group = "sekretariat".into();
        cuti.audience = Audience::Internal;
        cuti.steps = vec![step(
            "Pegawai mengisi formulir cuti di aplikasi",
            "",
            "Surat izin cuti",
        )].into();
        let resume = sop("resume", "Résumé Kerajinan Rotan Ñandú", &[]);
        catalogue(vec![kartu, jht, spsb, cuti, resume])
    }

    #[test]
    fn normalize_folds_case_accents_and_punctuation() {
        for (text, expected) in [
            ("Kartu AK-1 (Kuning)", "kartu ak 1 kuning"),
            ("SP/SB", "sp sb"),
            ("53 / DPTTK / TU - 1", "53 dpttk tu 1"),
            ("Rézé Œuvre ĲSSEL Straße", "reze oeuvre ijssel strasse"),
            ("ÀÉÎÕÜ àéîõü Çç Ññ Ýÿ", "aeiou aeiou cc nn yy"),
            ("Ångström Æsir Ørsted Þór", "angstrom aesir orsted thor"),
            ("ŞİŞLİ Łódź Čapek Ţara Șura", "sisli lodz capek tara sura"),
            ("e\u{301}te\u{301} cafe\u{301}", "ete cafe"),
            ("Москва ΑΘΗΝΑ", "москва αθηνα"),
            ("3×4 ÷ 2", "3 4 2"),
            ("  -- / ()  ", ""),
            ("", ""),
        ] {
            assert_eq!(normalize(text), expected, "{text:?}");
        }
    }

    #[test]
    fn every_latin_letter_with_an_accent_folds_to_ascii_letters() {
        assert_eq!(LATIN_EXTENDED_A_FOLDS.len(), 128);
        for code in (0xC0..=0x17F_u32).filter(|c| *c != 0xD7 && *c != 0xF7) {
            let c = char::from_u32(code).unwrap();
            let mut folded = Vec::new();
            fold_char(c, &mut folded);
            assert!(
                !folded.is_empty() && folded.iter().all(|f| f.is_ascii_lowercase()),
                "{c:?} folds to {folded:?}"
            );
        }
    }

    #[test]
    fn match_rules_for_one_word() {
        use MatchKind::*;
        let cases: [(&str, &str, Option<MatchKind>); 24] = [
            ("kartu", "kartu", Some(Exact)),
            ("kar", "kartu", Some(Prefix)),
            ("k", "kartu", Some(Prefix)),
            ("kartus", "kartu", Some(Typo)),
            ("kunign", "kuning", Some(Typo)),  // swap
            ("kuming", "kuning", Some(Typo)),  // substitution
            ("kning", "kuning", Some(Typo)),   // letter missing
            ("kuninng", "kuning", Some(Typo)), // letter too many
            ("kunnnig", "kuning", None),       // two edits
            ("tamu", "tau", Some(Typo)),
            ("tamu", "tambahan", None), // 4 letters: no typo inside a prefix
            ("penga", "pengesahan", Some(Typo)), // 5 letters: one slip inside a prefix
            ("pengas", "pengesahan", Some(Typo)),
            ("pngesa", "pengesahan", Some(Typo)),
            ("pengesahan", "pengesahan", Some(Exact)),
            ("tau", "tua", Some(Typo)), // 3 letters: a swap only
            ("tau", "tab", None),
            ("hri", "hari", None),
            ("jht", "jhtt", Some(Prefix)),
            ("ab", "ba", None),     // 2 letters: exact or prefix only
            ("2025", "2024", None), // numbers never take a typo
            ("53", "55", None),
            ("ak1", "ak2", None),
            ("kartu", "ka", None),
        ];
        for (query, word, expected) in cases {
            let q = QueryWord::new(&query.chars().collect::<Vec<_>>());
            let w: Vec<char> = word.chars().collect();
            assert_eq!(q.matches(&w), expected, "{query:?} against {word:?}");
        }
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        for (a, b, expected) in [
            ("", "", 0),
            ("abc", "", 3),
            ("kuning", "kunign", 1),
            ("kuning", "kunnnig", 2),
            ("tua", "tau", 1),
            ("kitten", "sitting", 3),
        ] {
            let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
            assert_eq!(edit_distance(&a, &b), expected, "{a:?} {b:?}");
        }
    }

    #[test]
    fn empty_query_lists_everything_the_filter_admits_in_catalogue_order() {
        let c = office();
        let all: Vec<String> = c.sops.iter().map(|s| s.id.to_string()).collect();
        for query in ["", "   ", " -/() ", "\u{301}"] {
            assert_eq!(found(&c, query, &Filter::default()), all, "{query:?}");
        }
        let hits = SearchIndex::new(&c).search("", &Filter::default());
        assert!(hits
            .iter()
            .all(|h| h.score == 0 && h.matched_terms.is_empty() && h.fields.is_empty()));
        let internal = Filter {
            unit_group: None,
            audience: Some(Audience::Internal),
        };
        assert_eq!(found(&c, "", &internal), ["cuti"]);
    }

    #[test]
    fn filters_combine_with_the_query() {
        let c = office();
        let public = Filter {
            unit_group: None,
            audience: Some(Audience::Public),
        };
        let sekretariat = Filter {
            unit_group: Some("sekretariat".into()),
            audience: None,
        };
        let umum_internal = Filter {
            unit_group: Some("umum".into()),
            audience: Some(Audience::Internal),
        };
        for (query, filter, expected) in [
            ("surat", &Filter::default(), &["cuti", "jht"][..]),
            ("surat", &public, &["jht"]),
            ("surat", &sekretariat, &["cuti"]),
            ("", &umum_internal, &[]),
            ("cuti", &public, &[]),
            (
                "",
                &Filter {
                    unit_group: Some("tidak-ada".into()),
                    audience: None,
                },
                &[],
            ),
        ] {
            let mut got = found(&c, query, filter);
            got.sort();
            assert_eq!(got, expected, "{query:?} {filter:?}");
        }
    }

    #[test]
    fn every_field_is_searched() {
        let c = office();
        check_found(
            &c,
            &[
                ("jaminan", &["jht"]),                         // title
                ("kuning", &["kartu"]),                        // title and alias
                ("53", &["jht"]),                              // number
                ("ak1", &["kartu"]),                           // code and joined forms
                ("hubungan industrial", &["jht", "spsb"]),     // unit
                ("umum", &["kartu", "jht", "spsb", "resume"]), // the unit group's names
                ("ijazah", &["kartu"]),                        // requirement
                ("persyaratan", &["kartu"]),                   // input (kelengkapan)
                ("konsep", &["jht"]),                          // output
                ("petugas", &["kartu"]),                       // lane
                ("formulir", &["cuti"]),                       // step text
                ("tidakada", &[]),
            ],
        );
    }

    #[test]
    fn codes_match_with_or_without_their_punctuation() {
        let c = office();
        check_found(
            &c,
            &[
                ("ak1", &["kartu"]),
                ("AK-1", &["kartu"]),
                ("ak 1", &["kartu"]),
                ("ak/1", &["kartu"]),
                ("sp/sb", &["spsb"]),
                ("SP SB", &["spsb"]),
                ("spsb", &["spsb"]),
                ("53/DPTTK", &["jht"]),
                ("53 / dpttk", &["jht"]),
                ("53/DPTTK/TU-1/I/2025", &["jht"]),
                ("55/dpttk", &[]),
            ],
        );
    }

    #[test]
    fn accents_and_case_do_not_matter() {
        let c = office();
        check_found(
            &c,
            &[
                ("resume", &["resume"]),
                ("RÉSUMÉ", &["resume"]),
                ("re\u{301}sume\u{301}", &["resume"]),
                ("nandu", &["resume"]),
                ("KARTU KUNING", &["kartu"]),
            ],
        );
    }

    #[test]
    fn typos_follow_the_length_rules() {
        let c = office();
        check_found(
            &c,
            &[
                ("kartu kunign", &["kartu"]),
                ("jaminan hari tau", &["jht"]), // 3 letters: a swap
                ("jaminan hri tua", &[]),       // 3 letters: no missing letter
                ("jamnan", &["jht"]),
                ("jaminam", &["jht"]),
                ("rtoan", &["resume"]),
                ("65/dpttk", &["kartu"]),
                ("66/dpttk", &[]), // no typo in numbers
            ],
        );
    }

    #[test]
    fn every_word_must_match_except_stop_words() {
        let c = office();
        check_found(
            &c,
            &[
                ("kartu kuning", &["kartu"]),
                ("kartu jaminan", &[]),
                ("surat", &["jht", "cuti"]),
                ("surat jaminan", &["jht"]),
                ("surat untuk jaminan dari di ke", &["jht"]),
                ("kartu dan kuning yang atau", &["kartu"]),
            ],
        );
        // A query of stop words alone searches them, as the start of longer words.
        assert_eq!(found(&c, "di", &Filter::default()), ["cuti"]);
        let hits = SearchIndex::new(&c).search("kartu untuk kuning kartu", &Filter::default());
        assert_eq!(hits[0].matched_terms, ["kartu", "kuning"]);
    }

    #[test]
    fn ranking_prefers_phrases_then_whole_words_then_prefixes_then_typos() {
        let c = catalogue(vec![
            sop("typo", "Izim Usaja", &[]),
            sop("prefix", "Izinkan Usahakan", &[]),
            sop("words", "Usaha dan Izin", &[]),
            sop("inside", "Surat Izin Usaha Baru", &[]),
            sop("whole", "Izin Usaha", &[]),
        ]);
        // Both words are words of this catalogue, so "Izim Usaja" is not read as a typo.
        check_found(
            &c,
            &[("izin usaha", &["whole", "inside", "words", "prefix"])],
        );
        let c = catalogue(vec![
            sop("typo", "Kartu Kunig", &[]),
            sop("prefix", "Kartu Kuningan", &[]),
        ]);
        check_found(&c, &[("kartu kuning", &["prefix", "typo"])]);
        let c = catalogue(vec![
            sop("step", "Layanan A", &[]),
            sop("unit", "Layanan B", &[]),
            sop("title", "Layanan Kartu", &[]),
            sop("alias", "Layanan D", &["kartu"]),
        ]);
        let mut c = c;
        c.sops.to_mut()[0].steps = vec![step("Mencetak kartu", "", "")].into();
        c.sops.to_mut()[1].unit = "Seksi Kartu".into();
        check_found(&c, &[("kartu", &["alias", "title", "unit", "step"])]);
    }

    #[test]
    fn a_word_of_the_catalogue_is_taken_as_typed() {
        let mut c = catalogue(vec![
            sop("pkb", "Perjanjian Kerja Bersama", &[]),
            sop("ak1", "Kartu Kuning", &[]),
        ]);
        c.sops.to_mut()[1].lanes = vec!["Petugas Bursa Kerja".into()].into();
        check_found(
            &c,
            &[
                ("bursa kerja", &["ak1"]),  // not "bersama" with a slip
                ("bersma kerja", &["pkb"]), // not a word of the catalogue: a typo
                ("bursaa kerja", &["ak1"]),
            ],
        );
    }

    #[test]
    fn ties_keep_catalogue_order_and_more_evidence_breaks_them() {
        let c = catalogue(vec![
            sop("first", "Pelatihan Rotan", &[]),
            sop("second", "Pelatihan Rotan", &[]),
        ]);
        check_found(&c, &[("rotan", &["first", "second"])]);
        let mut c = c;
        c.sops.to_mut()[1].requirements = vec!["Contoh rotan".into()].into();
        check_found(&c, &[("rotan", &["second", "first"])]);
    }

    #[test]
    fn hits_name_the_matched_terms_and_fields() {
        let c = office();
        let hits = SearchIndex::new(&c).search("Kartu, ijazah!", &Filter::default());
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].matched_terms, ["kartu", "ijazah"]);
        assert_eq!(
            hits[0].fields,
            [
                Field::Title,
                Field::Alias,
                Field::Requirement,
                Field::Output,
                Field::Step
            ]
        );
        assert_eq!(Field::Requirement.label(), "persyaratan");
        assert_eq!(Field::Input.label(), "kelengkapan");
    }

    #[test]
    fn long_queries_are_cut_not_refused() {
        let c = office();
        let many = "kartu ".repeat(MAX_QUERY_WORDS);
        assert_eq!(
            found(&c, &format!("{many} tidakada"), &Filter::default()),
            ["kartu"]
        );
        assert!(found(&c, &many, &Filter::default()).contains(&"kartu".to_string()));
    }

    #[test]
    fn an_empty_catalogue_finds_nothing() {
        let c = catalogue(Vec::new());
        let index = SearchIndex::new(&c);
        assert!(index.search("kartu", &Filter::default()).is_empty());
        assert!(index.search("", &Filter::default()).is_empty());
        assert!(index.suggestions("kartu", &Filter::default()).is_empty());
    }

    fn check_highlight(text: &str, terms: &[&str], expected: &[(&str, bool)]) {
        let terms: Vec<String> = terms.iter().map(|t| t.to_string()).collect();
        let got = highlight(text, &terms);
        let got: Vec<(&str, bool)> = got.iter().map(|(s, m)| (s.as_str(), *m)).collect();
        assert_eq!(got, expected, "{text:?} {terms:?}");
    }

    #[test]
    fn highlight_marks_matching_words() {
        type Case<'a> = (&'a str, &'a [&'a str], &'a [(&'a str, bool)]);
        let cases: &[Case] = &[
            (
                "Kartu AK 1 (Kartu Kuning)",
                &["kartu", "kuning"],
                &[
                    ("Kartu", true),
                    (" AK 1 (", false),
                    ("Kartu", true),
                    (" ", false),
                    ("Kuning", true),
                    (")", false),
                ],
            ),
            ("Kartu AK-1", &["ak1"], &[("Kartu ", false), ("AK-1", true)]),
            ("Kartu AK 1", &["ak1"], &[("Kartu ", false), ("AK 1", true)]),
            (
                "Kartu AK 1",
                &["ak"],
                &[("Kartu ", false), ("AK", true), (" 1", false)],
            ),
            (
                "Pengesahan PP",
                &["penge"],
                &[("Pengesahan", true), (" PP", false)],
            ),
            (
                "Jaminan Hari Tua",
                &["tau"],
                &[("Jaminan Hari ", false), ("Tua", true)],
            ),
            ("Jaminan Hari Tua", &["hri"], &[("Jaminan Hari Tua", false)]),
            (
                "Résumé, café",
                &["resume", "cafe"],
                &[("Résumé", true), (", ", false), ("café", true)],
            ),
            (
                "cafe\u{301}!",
                &["cafe"],
                &[("cafe\u{301}", true), ("!", false)],
            ),
            (
                "SP/SB",
                &["sp/sb"],
                &[("SP", true), ("/", false), ("SB", true)],
            ),
            ("SP/SB", &["spsb"], &[("SP/SB", true)]),
            ("Kartu", &[], &[("Kartu", false)]),
            ("", &["kartu"], &[]),
        ];
        for (text, terms, expected) in cases {
            check_highlight(text, terms, expected);
        }
    }

    #[test]
    fn suggestions_offer_queries_that_find_something() {
        let c = office();
        let index = SearchIndex::new(&c);
        let offered = index.suggestions("kartu kunnnig", &Filter::default());
        assert_eq!(
            offered.first().map(String::as_str),
            Some("kartu kuning"),
            "{offered:?}"
        );
        let offered = index.suggestions("jaminaaan hariii", &Filter::default());
        assert_eq!(
            offered.first().map(String::as_str),
            Some("jaminan hari"),
            "{offered:?}"
        );
        // Nothing close: the catalogue's own names, never more than the maximum.
        let offered = index.suggestions("qqqqqq", &Filter::default());
        assert!(
            !offered.is_empty() && offered.len() <= MAX_SUGGESTIONS,
            "{offered:?}"
        );
        let internal = Filter {
            unit_group: None,
            audience: Some(Audience::Internal),
        };
        let offered = index.suggestions("kartu", &internal);
        assert_eq!(offered, ["cuti"]);
        for query in ["kartu kunnnig", "qqqqqq", "jaminaaan hariii", ""] {
            for suggestion in index.suggestions(query, &Filter::default()) {
                assert!(
                    !index.search(&suggestion, &Filter::default()).is_empty(),
                    "{suggestion:?}"
                );
            }
        }
    }

    fn edit_distance(a: &[char], b: &[char]) -> usize {
        EditDistance::default().within(a, b, usize::MAX).unwrap()
    }

    fn one_edit_brute_force(query: &[char], word: &[char]) -> bool {
        edit_distance(query, word) <= 1
    }

    proptest! {
        #[test]
        fn the_linear_typo_check_agrees_with_the_edit_distance(
            query in "[abc]{1,7}",
            word in "[abc]{0,9}",
        ) {
            let q: Vec<char> = query.chars().collect();
            let w: Vec<char> = word.chars().collect();
            // Exact and prefix matches are decided before any typo is looked for.
            prop_assume!(!w.starts_with(&q));
            let whole = edit_distance(&q, &w) <= 1;
            let prefix = (q.len().saturating_sub(1)..=q.len() + 1)
                .filter(|end| *end < w.len())
                .any(|end| one_edit_brute_force(&q, &w[..end]));
            let expected = whole || (q.len() >= MIN_TYPO_PREFIX_LEN && prefix);
            prop_assert_eq!(typo_match(&q, &w, Typos::OneEdit), expected);
            let swap_only = q.len() == w.len() && edit_distance(&q, &w) <= 1
                && q.iter().zip(&w).filter(|(a, b)| a != b).count() != 1;
            prop_assert_eq!(typo_match(&q, &w, Typos::SwapOnly), swap_only);
            prop_assert!(!typo_match(&q, &w, Typos::None));
        }

        #[test]
        fn search_never_panics(query in any::<String>(), unit in proptest::option::of("[a-z]{0,8}")) {
            let c = office();
            let index = SearchIndex::new(&c);
            let filter = Filter { unit_group: unit, audience: None };
            let hits = index.search(&query, &filter);
            prop_assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
            let _ = index.suggestions(&query, &filter);
        }

        #[test]
        fn highlight_gives_the_text_back(
            text in any::<String>(),
            terms in proptest::collection::vec(any::<String>(), 0..4),
        ) {
            let segments = highlight(&text, &terms);
            let joined: String = segments.iter().map(|(s, _)| s.as_str()).collect();
            prop_assert_eq!(joined, text);
            prop_assert!(segments.iter().all(|(s, _)| !s.is_empty()));
            prop_assert!(segments.windows(2).all(|w| w[0].1 != w[1].1));
        }

        #[test]
        fn highlight_gives_catalogue_like_text_back(
            text in "[a-zA-Z0-9 /()\\-.,éÉñ\u{301}]{0,40}",
            terms in proptest::collection::vec("[a-z0-9]{1,6}", 0..3),
        ) {
            let segments = highlight(&text, &terms);
            let joined: String = segments.iter().map(|(s, _)| s.as_str()).collect();
            prop_assert_eq!(joined, text);
        }
    }
}
