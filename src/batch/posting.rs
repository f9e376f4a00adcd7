//! Batch comparison: every resume of a batch against one posting.

use super::{CheckStatus, Evaluate};
use crate::compare::{CompareResult, PreparedPosting};
use crate::extract::{Document, InputError, InputErrorKind};
use crate::matching::Scratch;

/// Compares each document of a batch with one [`PreparedPosting`], prepared
/// once. A resume whose text is empty or garbled is refused: it fails with
/// [`InputErrorKind::Unusable`] rather than ranking as a poor match.
pub struct PostingScorer<'p> {
    posting: &'p PreparedPosting,
}

impl<'p> PostingScorer<'p> {
    /// A scorer against `posting`.
    pub fn new(posting: &'p PreparedPosting) -> Self {
        PostingScorer { posting }
    }
}

/// One resume compared with the posting.
#[derive(Debug, Clone, PartialEq)]
pub struct PostingMatch {
    /// The resume's path, as walked.
    pub path: String,
    /// The comparison.
    pub result: CompareResult,
}

impl CheckStatus for PostingMatch {}

impl Evaluate for PostingScorer<'_> {
    type Output = PostingMatch;

    fn evaluate(
        &self,
        document: &Document,
        scratch: &mut Scratch,
    ) -> Result<PostingMatch, InputError> {
        match self.posting.compare_with(&document.text, scratch) {
            Ok(result) => Ok(PostingMatch {
                path: document.path.clone(),
                result,
            }),
            Err(problem) => Err(InputError {
                path: document.path.clone(),
                kind: InputErrorKind::Unusable {
                    detail: problem.to_string(),
                },
            }),
        }
    }
}
