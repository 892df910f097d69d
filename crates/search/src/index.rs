//! The index: opening it, writing records into it, and searching it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tantivy::collector::TopDocs;
use tantivy::directory::{Advice, MmapDirectory};
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, RegexQuery, TermQuery,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::tokenizer::TokenizerManager;
use tantivy::{
    DocAddress, Index, IndexReader, IndexSettings, IndexWriter, Order, ReloadPolicy, Searcher,
    TantivyDocument, TantivyError, Term,
};

use crate::analysis::{self, AnalyzerChoice};
use crate::compile::{Highlight, TextQuery, compile, compile_relaxed};
use crate::directory::IndexDirectory;
use crate::document::{ParagraphKind, RecordType, SearchDocument, Searchable, from_day_number};
use crate::error::{IndexError, SearchError};
use crate::facets::{ColumnCache, FacetCollector, Tally};
use crate::filters::{DateFiltered, date_range, filters};
use crate::language::Language;
use crate::query;
use crate::request::{MAX_RESULT_WINDOW, SearchRequest, Sort};
use crate::results::{Hit, Mode, Notice, SearchResults};
use crate::schema::{self, Fields, names};
use crate::snippet;
use crate::symbol::{SymbolQuery, symbol_query};

/// The score of a record found by its symbol: above any text match, so that typing a symbol
/// lands on its record first.
const SYMBOL_SCORE: f32 = 1000.0;

/// Any of the queries (each already a whole query).
fn any_of(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries.remove(0);
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

/// Bumped whenever the schema or an analyser changes what is indexed: an index written with
/// another version is rebuilt empty on opening (and must be re-filled with `reindex`).
pub const FORMAT_VERSION: u32 = 8;
const FORMAT_FILE: &str = "taawun-search-format";

/// Writers for single records: small and short-lived, so that no writer lock is held between
/// writes (a `taawun reindex` in another process can take it).
const UPDATE_MEMORY_BYTES: usize = 32_000_000;

/// What `open_or_create` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenStatus {
    /// An index of this format was there.
    Opened,
    /// There was none: it is empty, fill it with [`SearchIndex::reindex`].
    Created,
    /// There was one of another format: it was replaced by an empty one; reindex.
    Recreated,
}

/// Options of a full rebuild.
#[derive(Clone, Debug)]
pub struct ReindexOptions {
    /// Indexing memory, shared by the threads; each thread writes a segment when its share
    /// is full, so more memory means fewer, larger segments.
    pub memory_bytes: usize,
    pub threads: usize,
    /// Wait for the background merges to finish before returning (fewer segments to search).
    pub wait_for_merges: bool,
    /// Which state of the database the documents were read from (the platform writes its
    /// record stamps here), kept with the commit: [`SearchIndex::built_from`] reads it back, so
    /// that a server can tell its index is behind the database.
    pub built_from: Option<String>,
}

impl Default for ReindexOptions {
    fn default() -> Self {
        ReindexOptions {
            memory_bytes: 256_000_000,
            threads: 2,
            wait_for_merges: true,
            built_from: None,
        }
    }
}

/// What a rebuild did and how long each phase took.
#[derive(Clone, Copy, Debug)]
pub struct ReindexStats {
    pub documents: u64,
    /// Adding (analysing and buffering) the documents.
    pub adding: Duration,
    /// Writing the last segments and publishing them.
    pub commit: Duration,
    /// Waiting for background merges.
    pub merging: Duration,
}

/// The platform's search index. Cheap to share (`Arc<SearchIndex>`): searches run in
/// parallel; writes are serialised.
pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    choice: AnalyzerChoice,
    status: OpenStatus,
    write_lock: Mutex<()>,
    /// Facet and date columns of the segments searched, opened once each.
    columns: Arc<ColumnCache>,
    /// Threads of the search executor (1 for in-memory indexes).
    parallelism: usize,
}

fn map_writer_error(error: TantivyError) -> IndexError {
    match error {
        TantivyError::LockFailure(..) => IndexError::Busy,
        other => IndexError::Tantivy(other),
    }
}

/// A tantivy index directory holds only these names; `open_or_create` removes a directory of
/// another format only when nothing else is in it.
fn is_index_file(name: &str) -> bool {
    name == "meta.json"
        || name == ".managed.json"
        || name == FORMAT_FILE
        || name.starts_with(".tantivy-")
        || name.rsplit_once('.').is_some_and(|(stem, _)| {
            stem.len() == 32 && stem.bytes().all(|b| b.is_ascii_hexdigit())
        })
}

fn clear_directory(path: &Path) -> Result<(), IndexError> {
    let io = |source| IndexError::CreateDir {
        path: path.to_path_buf(),
        source,
    };
    let entries: Vec<_> = std::fs::read_dir(path)
        .map_err(io)?
        .collect::<Result<_, _>>()
        .map_err(io)?;
    if let Some(stranger) = entries
        .iter()
        .find(|entry| !is_index_file(&entry.file_name().to_string_lossy()))
    {
        return Err(IndexError::CreateDir {
            path: path.to_path_buf(),
            source: std::io::Error::other(format!(
                "the directory holds an index of another format and also {:?}; \
                 give the index a directory of its own",
                stranger.file_name()
            )),
        });
    }
    for entry in entries {
        std::fs::remove_file(entry.path()).map_err(io)?;
    }
    Ok(())
}

impl SearchIndex {
    /// Opens the index in `dir` (memory-mapped), creating the directory and an empty index
    /// when there is none, and replacing an index of another format by an empty one (the
    /// index is derived from the database: see [`SearchIndex::status`]).
    pub fn open_or_create(dir: impl AsRef<Path>) -> Result<SearchIndex, IndexError> {
        SearchIndex::open_or_create_with(dir, AnalyzerChoice::Taawun)
    }

    /// An index in memory, for tests and evaluation.
    pub fn in_memory() -> Result<SearchIndex, IndexError> {
        SearchIndex::in_memory_with(AnalyzerChoice::Taawun)
    }

    /// An in-memory index with other analysers (the relevance command's baselines).
    pub fn in_memory_with(choice: AnalyzerChoice) -> Result<SearchIndex, IndexError> {
        let (schema, fields) = schema::build();
        let index = Index::builder()
            .schema(schema)
            .settings(settings())
            .tokenizers(tokenizers(choice))
            .create_in_ram()?;
        SearchIndex::wrap(index, fields, choice, OpenStatus::Created)
    }

    pub fn open_or_create_with(
        dir: impl AsRef<Path>,
        choice: AnalyzerChoice,
    ) -> Result<SearchIndex, IndexError> {
        let path = dir.as_ref();
        std::fs::create_dir_all(path).map_err(|source| IndexError::CreateDir {
            path: path.to_path_buf(),
            source,
        })?;
        let format_path = path.join(FORMAT_FILE);
        let format = std::fs::read_to_string(&format_path).ok();
        let has_index = path.join("meta.json").exists();
        let expected = format!("{FORMAT_VERSION} {}\n", choice.name());
        let mut status = if has_index {
            OpenStatus::Opened
        } else {
            OpenStatus::Created
        };
        if has_index && format.as_deref() != Some(expected.as_str()) {
            clear_directory(path)?;
            status = OpenStatus::Recreated;
        }
        let open = |path: &Path| -> Result<Index, IndexError> {
            // Searches read the index at random places (the postings of a few terms): without
            // readahead, only the pages read become resident. Stored documents are not
            // mapped at all (see `directory`).
            let mapped =
                MmapDirectory::open_with_madvice(path, Advice::Random).map_err(|source| {
                    IndexError::OpenDir {
                        path: PathBuf::from(path),
                        source,
                    }
                })?;
            let directory = IndexDirectory::new(mapped, path);
            let (schema, _) = schema::build();
            Ok(Index::builder()
                .schema(schema)
                .settings(settings())
                .tokenizers(tokenizers(choice))
                .open_or_create(directory)?)
        };
        let index = match open(path) {
            Ok(index) => index,
            // The format file matched but the schema did not: the same remedy.
            Err(IndexError::Tantivy(TantivyError::SchemaError(_))) => {
                clear_directory(path)?;
                status = OpenStatus::Recreated;
                open(path)?
            }
            Err(error) => return Err(error),
        };
        std::fs::write(&format_path, expected).map_err(|source| IndexError::CreateDir {
            path: format_path.clone(),
            source,
        })?;
        // A search runs on one thread per core: the segments are matched side by side (a
        // rebuild leaves one segment per indexing thread; this halves the slowest searches of
        // a large index), and so are the hits' snippets. In-memory indexes, for tests, keep
        // one thread.
        let mut index = index;
        index.set_default_multithread_executor()?;
        let (_, fields) = schema::build();
        let mut opened = SearchIndex::wrap(index, fields, choice, status)?;
        opened.parallelism = std::thread::available_parallelism().map_or(1, |n| n.get());
        Ok(opened)
    }

    fn wrap(
        index: Index,
        fields: Fields,
        choice: AnalyzerChoice,
        status: OpenStatus,
    ) -> Result<SearchIndex, IndexError> {
        // Reload when meta.json changes, so that a `taawun reindex` run by another process
        // becomes visible; this process's own writes reload at once (see `commit`).
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            choice,
            status,
            write_lock: Mutex::new(()),
            columns: Arc::default(),
            parallelism: 1,
        })
    }

    /// Whether the index was opened, or is new and empty (and needs a [`SearchIndex::reindex`]).
    pub fn status(&self) -> OpenStatus {
        self.status
    }

    /// Documents searchable now.
    /// Changes whenever what a search sees changes (a commit of this process, or another
    /// process's commit the reader has picked up): results can be kept under it.
    pub fn generation(&self) -> u64 {
        self.reader.searcher().generation().generation_id()
    }

    /// Records, in a commit of its own, what the index holds ([`ReindexOptions::built_from`]):
    /// for a process that has just brought a current index up to date with its own import.
    pub fn mark_built_from(&self, built_from: &str) -> Result<(), IndexError> {
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut writer: IndexWriter = self
            .index
            .writer_with_num_threads(1, UPDATE_MEMORY_BYTES)
            .map_err(map_writer_error)?;
        let mut commit = writer.prepare_commit()?;
        commit.set_payload(built_from);
        commit.commit()?;
        drop(writer);
        self.reload()?;
        Ok(())
    }

    /// What the last commit said it was built from ([`ReindexOptions::built_from`]); `None`
    /// after a commit that did not say (an upsert of one record), or when unreadable.
    pub fn built_from(&self) -> Option<String> {
        self.index.load_metas().ok().and_then(|metas| metas.payload)
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    /// Number of segments searched (fewer is faster).
    pub fn num_segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// Replaces all documents of `record`'s key by its current documents, in one commit.
    pub fn upsert(&self, record: &impl Searchable) -> Result<(), IndexError> {
        self.replace_record(&record.record_key(), &record.search_documents())
    }

    /// Replaces all documents of `record_key` by `documents` (none: the record is deleted).
    pub fn replace_record(
        &self,
        record_key: &str,
        documents: &[SearchDocument],
    ) -> Result<(), IndexError> {
        self.update(|update| update.replace_record(record_key, documents))
    }

    /// Deletes every document of `record_key`.
    pub fn delete_record(&self, record_key: &str) -> Result<(), IndexError> {
        self.update(|update| {
            update.delete_record(record_key);
            Ok(())
        })
    }

    /// Deletes every document.
    pub fn clear(&self) -> Result<(), IndexError> {
        self.update(|update| update.clear())
    }

    /// Runs several changes in one commit: all of them become visible together, or none if
    /// `changes` returns an error.
    pub fn update<F>(&self, changes: F) -> Result<(), IndexError>
    where
        F: FnOnce(&mut IndexUpdate<'_>) -> Result<(), IndexError>,
    {
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let mut writer: IndexWriter = self
            .index
            .writer_with_num_threads(1, UPDATE_MEMORY_BYTES)
            .map_err(map_writer_error)?;
        let mut update = IndexUpdate {
            writer: &writer,
            fields: &self.fields,
            added: 0,
        };
        match changes(&mut update) {
            Ok(()) => {
                writer.commit()?;
                writer.wait_merging_threads()?;
                self.reload()?;
                Ok(())
            }
            Err(error) => {
                writer.rollback()?;
                Err(error)
            }
        }
    }

    /// Rebuilds the index from `documents` (the whole database): every current document is
    /// deleted and the new ones added in one commit, so searches see the old index until the
    /// new one is complete.
    pub fn reindex<I>(
        &self,
        documents: I,
        options: ReindexOptions,
    ) -> Result<ReindexStats, IndexError>
    where
        I: IntoIterator<Item = SearchDocument>,
    {
        let _guard = self.write_lock.lock().unwrap_or_else(|e| e.into_inner());
        let threads = options.threads.max(1);
        let mut writer: IndexWriter = self
            .index
            .writer_with_num_threads(threads, options.memory_bytes.max(threads * 16_000_000))
            .map_err(map_writer_error)?;
        let started = Instant::now();
        writer.delete_all_documents()?;
        let mut count = 0u64;
        for document in documents {
            writer.add_document(document.to_tantivy(&self.fields))?;
            count += 1;
        }
        let adding = started.elapsed();
        let started = Instant::now();
        let mut commit = writer.prepare_commit()?;
        if let Some(built_from) = &options.built_from {
            commit.set_payload(built_from);
        }
        commit.commit()?;
        let commit = started.elapsed();
        let started = Instant::now();
        if options.wait_for_merges {
            writer.wait_merging_threads()?;
        } else {
            drop(writer);
        }
        let merging = started.elapsed();
        self.reload()?;
        Ok(ReindexStats {
            documents: count,
            adding,
            commit,
            merging,
        })
    }

    /// Searches. Bad input is an error naming the parameter ([`SearchError::parameter`]) or a
    /// result with a [`Notice`]; only a failing index gives [`SearchError::Index`].
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults, SearchError> {
        request.validate()?;
        let clauses = query::parse(&request.q)?;
        let (text, mut highlight) = compile(&clauses, request.lang, &self.fields, self.choice);
        // Other ways of saying what `q` names (a State's names in the six languages), each
        // searched as a phrase; a record matching any of them, or `q`, is a hit.
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        for alternative in &request.alternatives {
            let phrase = [query::Clause::phrase(alternative)];
            if let (TextQuery::Search(query), terms) =
                compile(&phrase, None, &self.fields, self.choice)
            {
                alternatives.push(query);
                highlight.merge(terms);
            }
        }
        if let Some(symbol) = symbol_query(&request.q) {
            alternatives.push(self.symbol_query(&symbol));
        }
        let relaxable = alternatives.is_empty();
        let text = match (text, alternatives.is_empty()) {
            (text, true) => text,
            (TextQuery::Search(query), false) => {
                alternatives.push(query);
                TextQuery::Search(any_of(alternatives))
            }
            (TextQuery::OnlyStopWords | TextQuery::NothingSearchable, false) => {
                TextQuery::Search(any_of(alternatives))
            }
            (browse @ TextQuery::Browse(_), false) => browse,
        };
        let (base, mode): (Option<Box<dyn Query>>, Mode) = match text {
            TextQuery::OnlyStopWords => {
                return Ok(SearchResults::empty(
                    request.page,
                    request.per_page,
                    Notice::OnlyStopWords,
                ));
            }
            TextQuery::NothingSearchable => {
                return Ok(SearchResults::empty(
                    request.page,
                    request.per_page,
                    Notice::NoSearchableTerms,
                ));
            }
            TextQuery::Browse(exclusions) => (exclusions, Mode::Browse),
            TextQuery::Search(query) => (Some(query), Mode::Search),
        };
        let with_filters = |base: Option<Box<dyn Query>>| -> Box<dyn Query> {
            let filters = filters(request, &self.fields, mode == Mode::Browse);
            match (base, filters.is_empty()) {
                (None, true) => Box::new(AllQuery),
                (Some(base), true) => base,
                (base, false) => {
                    let clauses = filters
                        .into_iter()
                        .chain(base)
                        .map(|query| (Occur::Must, query))
                        .collect();
                    Box::new(BooleanQuery::new(clauses))
                }
            }
        };
        let query = with_filters(base);
        let sort = match (request.sort, mode) {
            (Sort::Relevance, Mode::Browse) => Sort::Newest,
            (sort, _) => sort,
        };
        let offset = (request.page as usize - 1).saturating_mul(request.per_page as usize);
        let limit = request.per_page as usize;
        let in_window = offset.saturating_add(limit) <= MAX_RESULT_WINDOW;
        let searcher = self.reader.searcher();
        let range = date_range(request);
        // Hits from this one on have all the words but one (see `compile_relaxed`).
        let mut complete = usize::MAX;
        let (addresses, tally): (Vec<(Option<f32>, DocAddress)>, Tally) = if !in_window {
            let collector = DateFiltered {
                range,
                cache: Arc::clone(&self.columns),
                inner: self.facet_collector(),
            };
            (Vec::new(), searcher.search(&query, &collector)?)
        } else {
            let top = TopDocs::with_limit(limit).and_offset(offset);
            match sort {
                Sort::Relevance => {
                    let collector = DateFiltered {
                        range,
                        cache: Arc::clone(&self.columns),
                        inner: (top.order_by_score(), self.facet_collector()),
                    };
                    let (top, tally) = searcher.search(&query, &collector)?;
                    let mut hits: Vec<(Option<f32>, DocAddress)> =
                        top.into_iter().map(|(score, a)| (Some(score), a)).collect();
                    // Fewer documents than a page have every word: the page goes on with
                    // those that lack one of them, best first.
                    let relaxed = (offset == 0 && hits.len() < limit && relaxable)
                        .then(|| compile_relaxed(&clauses, request.lang, &self.fields, self.choice))
                        .flatten();
                    if let Some(relaxed) = relaxed {
                        let collector = DateFiltered {
                            range,
                            cache: Arc::clone(&self.columns),
                            inner: TopDocs::with_limit(limit).order_by_score(),
                        };
                        let more = searcher.search(&*with_filters(Some(relaxed)), &collector)?;
                        complete = hits.len();
                        for (score, address) in more {
                            if hits.len() == limit {
                                break;
                            }
                            if !hits.iter().any(|(_, a)| *a == address) {
                                hits.push((Some(score), address));
                            }
                        }
                    }
                    (hits, tally)
                }
                Sort::Newest | Sort::Oldest => {
                    let order = if sort == Sort::Newest {
                        Order::Desc
                    } else {
                        Order::Asc
                    };
                    let by_date = top.order_by_fast_field::<i64>(names::DATE, order);
                    let collector = DateFiltered {
                        range,
                        cache: Arc::clone(&self.columns),
                        inner: (by_date, self.facet_collector()),
                    };
                    let (top, tally) = searcher.search(&query, &collector)?;
                    (top.into_iter().map(|(_, a)| (None, a)).collect(), tally)
                }
            }
        };
        let mut hits = self.hits(&searcher, &addresses, &highlight)?;
        for hit in hits.iter_mut().skip(complete) {
            hit.partial = true;
        }
        let total = tally.total;
        let notice = match (total, hits.is_empty()) {
            (0, true) => Some(Notice::NoMatches),
            (_, true) if !in_window && (offset as u64) < total => Some(Notice::PageBeyondWindow),
            (_, true) => Some(Notice::PageOutOfRange),
            _ => None,
        };
        Ok(SearchResults {
            total,
            page: request.page,
            per_page: request.per_page,
            mode,
            hits,
            facets: tally.into_facets(request.facet_limit),
            notice,
        })
    }

    /// The title documents of the records a symbol query names: the exact symbol first,
    /// then the records it stands for besides (see [`crate::symbol`]).
    fn symbol_query(&self, symbol: &SymbolQuery) -> Box<dyn Query> {
        let titles: Box<dyn Query> = Box::new(TermQuery::new(
            Term::from_field_text(self.fields.kind, ParagraphKind::Title.as_str()),
            IndexRecordOption::Basic,
        ));
        let exact: Box<dyn Query> = Box::new(ConstScoreQuery::new(
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.symbol, &symbol.exact),
                IndexRecordOption::Basic,
            )),
            SYMBOL_SCORE,
        ));
        let mut either = vec![(Occur::Should, exact)];
        if let Ok(related) = RegexQuery::from_pattern(&symbol.pattern, self.fields.symbol) {
            either.push((
                Occur::Should,
                Box::new(ConstScoreQuery::new(Box::new(related), SYMBOL_SCORE / 2.0)),
            ));
        }
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, titles),
            (Occur::Must, Box::new(BooleanQuery::new(either))),
        ]))
    }

    fn facet_collector(&self) -> FacetCollector {
        FacetCollector {
            cache: Arc::clone(&self.columns),
        }
    }

    /// Reloads the reader after a commit, and forgets the columns of segments merged away.
    fn reload(&self) -> Result<(), TantivyError> {
        self.reader.reload()?;
        let live: Vec<_> = self
            .reader
            .searcher()
            .segment_readers()
            .iter()
            .map(|segment| segment.segment_id())
            .collect();
        self.columns.retain(&live);
        Ok(())
    }

    /// Reads the hits' stored documents and cuts their snippets: in a typical search that is
    /// more than half the time (the matching itself is quick), so the page is split in as many
    /// chunks as the executor has threads, done side by side.
    fn hits(
        &self,
        searcher: &Searcher,
        addresses: &[(Option<f32>, DocAddress)],
        highlight: &Highlight,
    ) -> Result<Vec<Hit>, TantivyError> {
        let chunk = addresses.len().div_ceil(self.parallelism).max(1);
        let chunks = self.index.search_executor().map(
            |chunk: &[(Option<f32>, DocAddress)]| {
                chunk
                    .iter()
                    .map(|(score, address)| {
                        let document: TantivyDocument = searcher.doc(*address)?;
                        Ok(self.hit(&document, *score, highlight))
                    })
                    .collect::<Result<Vec<Hit>, TantivyError>>()
            },
            addresses.chunks(chunk),
        )?;
        Ok(chunks.into_iter().flatten().collect())
    }

    fn hit(&self, document: &TantivyDocument, score: Option<f32>, highlight: &Highlight) -> Hit {
        let fields = &self.fields;
        let text_of = |field| {
            document
                .get_first(field)
                .and_then(|v| v.as_str().map(str::to_string))
        };
        let language = text_of(fields.language)
            .and_then(|code| Language::from_code(&code))
            .unwrap_or(Language::En);
        let text = text_of(fields.text).unwrap_or_default();
        let mut snippet = snippet::make(
            &text,
            language,
            highlight.by_language.get(&language),
            self.choice,
        );
        let mut snippet_language = language;
        if snippet.highlights.is_empty() {
            // The words may have been found in a label (a theme's name in Arabic): show it.
            let languages = document
                .get_all(fields.label_language)
                .filter_map(|v| v.as_str().and_then(Language::from_code));
            let texts = document
                .get_all(fields.label_text)
                .filter_map(|v| v.as_str());
            for (label_language, label) in languages.zip(texts) {
                let Some(terms) = highlight.by_language.get(&label_language) else {
                    continue;
                };
                let from_label = snippet::make(label, label_language, Some(terms), self.choice);
                if !from_label.highlights.is_empty() {
                    snippet = from_label;
                    snippet_language = label_language;
                    break;
                }
            }
        }
        Hit {
            record_key: text_of(fields.record_key).unwrap_or_default(),
            record_type: text_of(fields.record_type)
                .and_then(|t| RecordType::from_str_opt(&t))
                .unwrap_or(RecordType::Resolution),
            kind: text_of(fields.kind)
                .and_then(|k| ParagraphKind::from_str_opt(&k))
                .unwrap_or(ParagraphKind::Text),
            symbol: text_of(fields.symbol),
            title: text_of(fields.title).unwrap_or_default(),
            anchor: text_of(fields.anchor),
            language,
            body: text_of(fields.body),
            session: document
                .get_first(fields.session)
                .and_then(|v| v.as_u64())
                .and_then(|s| u32::try_from(s).ok()),
            date: document
                .get_first(fields.date)
                .and_then(|v| v.as_i64())
                .and_then(from_day_number),
            reviewed: text_of(fields.reviewed),
            score,
            partial: false,
            snippet,
            snippet_language,
        }
    }
}

/// Stored documents in 4 KB blocks (tantivy's default is 16 KB): a hit reads and decompresses
/// one block, and paragraphs are a few hundred bytes, so small blocks make fetching the hits
/// of a page several times cheaper for a slightly larger store.
fn settings() -> IndexSettings {
    IndexSettings {
        docstore_blocksize: 4096,
        ..IndexSettings::default()
    }
}

fn tokenizers(choice: AnalyzerChoice) -> TokenizerManager {
    let manager = TokenizerManager::default();
    analysis::register(&manager, choice);
    manager
}

/// Changes made within one [`SearchIndex::update`].
pub struct IndexUpdate<'a> {
    writer: &'a IndexWriter,
    fields: &'a Fields,
    added: u64,
}

impl IndexUpdate<'_> {
    /// Deletes the documents of `record_key` and adds `documents` (which should carry the same
    /// key) after the deletion, so they survive it.
    pub fn replace_record(
        &mut self,
        record_key: &str,
        documents: &[SearchDocument],
    ) -> Result<(), IndexError> {
        self.delete_record(record_key);
        for document in documents {
            self.add(document)?;
        }
        Ok(())
    }

    pub fn add(&mut self, document: &SearchDocument) -> Result<(), IndexError> {
        self.writer.add_document(document.to_tantivy(self.fields))?;
        self.added += 1;
        Ok(())
    }

    pub fn delete_record(&mut self, record_key: &str) {
        self.writer
            .delete_term(Term::from_field_text(self.fields.record_key, record_key));
    }

    pub fn clear(&mut self) -> Result<(), IndexError> {
        self.writer.delete_all_documents()?;
        Ok(())
    }

    /// Documents added so far in this update.
    pub fn added(&self) -> u64 {
        self.added
    }
}
