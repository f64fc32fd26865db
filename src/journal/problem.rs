//! Why one op cannot be taken, as a small set of reasons of our own. The import dialog and the history show
//! these to people, so each has a sentence in the person's words in each language; serde's text ("expected
//! struct OpKindWire with 12 elements") and our type names never reach the screen.

use crate::i18n::Lang;

/// What is wrong with one op.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpProblem {
    /// The JSON is not an edit this app can read: a part is missing or of the wrong kind.
    Unreadable,
    /// The `type` of the change is not one this version knows.
    UnknownKind,
    /// A name or id is empty or longer than [`super::op::MAX_ID_LEN`] bytes.
    BadName(Part),
    PercentOver100,
    BadDate(DatePart),
    NoteTooLong,
    /// An actual figure that is not a finite number.
    NotANumber,
    /// An actual figure below zero: the form refuses it, so a file must not bring one in.
    Negative,
    /// An actual figure above [`super::op::MAX_ACTUAL`]: no plan counts that high, and sums would overflow.
    TooLarge,
    /// A time outside [`super::op::MIN_AT`]..[`super::op::MAX_AT`]: no working clock writes it, and a time far
    /// in the future would win every later edit of its field.
    TimeOutOfRange,
    /// The file holds the same edit id twice.
    DuplicateId,
    /// A report period that is neither `YYYY-MM` nor `YYYY-Qn`.
    BadPeriod,
    /// A report with a unit and no period, or a period and no unit.
    HalfReportKey,
    /// A due day outside 1..=31.
    BadDueDay,
    /// A submission naming more edits, or a review more tasks, than any real one.
    TooManyParts,
}

/// Which name of an op [`OpProblem::BadName`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Id,
    CauseOp,
    Task,
    Target,
    NoteId,
    Author,
    Place,
    Unit,
    Submission,
    Request,
}

/// Which date of an op [`OpProblem::BadDate`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Deadline,
    NoteDate,
    AsOf,
}

impl Part {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Part::Id => ("修改编号", "the edit id"),
            Part::CauseOp => (
                "所撤销或重做的修改编号",
                "the id of the edit it undoes or redoes",
            ),
            Part::Task => ("任务编号", "the task id"),
            Part::Target => ("指标编号", "the target id"),
            Part::NoteId => ("备注编号", "the note id"),
            Part::Author => ("填报人", "the author"),
            Part::Place => ("地区名称", "the place name"),
            Part::Unit => ("单位名称", "the unit name"),
            Part::Submission => ("报送编号", "the submission id"),
            Part::Request => ("延期申请编号", "the extension request id"),
        }
    }
}

impl DatePart {
    fn words(self) -> (&'static str, &'static str) {
        match self {
            DatePart::Deadline => ("完成时限", "the deadline"),
            DatePart::NoteDate => ("备注日期", "the note date"),
            DatePart::AsOf => ("截至日期", "the as-of date"),
        }
    }
}

impl OpProblem {
    /// The reason in the person's language, without a final full stop (callers put it inside a sentence).
    pub fn message(self, lang: Lang) -> String {
        let pick = |zh: &str, en: &str| lang.pick(zh, en).to_string();
        // "<which part><what is wrong with it>" in the person's language.
        let about = |(zh, en): (&str, &str), zh_tail: &str, en_tail: &str| match lang {
            Lang::Zh => format!("{zh}{zh_tail}"),
            Lang::En => format!("{en}{en_tail}"),
        };
        match self {
            OpProblem::Unreadable => pick(
                "内容不完整或格式不对，本应用无法读取",
                "it is incomplete or not in a form this app can read",
            ),
            OpProblem::UnknownKind => pick(
                "修改的种类无法识别（可能来自更新的版本）",
                "the kind of change is not known (perhaps from a newer version)",
            ),
            OpProblem::BadName(part) => about(part.words(), "为空或过长", " is empty or too long"),
            OpProblem::PercentOver100 => pick("进度超过 100%", "the progress is over 100%"),
            OpProblem::BadDate(part) => about(part.words(), "不是有效日期", " is not a valid date"),
            OpProblem::NoteTooLong => pick("备注过长", "the note is too long"),
            OpProblem::NotANumber => pick(
                "实际值不是有效数字",
                "the actual figure is not a valid number",
            ),
            OpProblem::Negative => pick("实际值为负数", "the actual figure is negative"),
            OpProblem::TooLarge => pick(
                "实际值大得不合常理",
                "the actual figure is implausibly large",
            ),
            OpProblem::TimeOutOfRange => pick(
                "修改时间不在合理范围内（早于 1970 年或晚于 2099 年）",
                "its time is outside any sane range (before 1970 or after 2099)",
            ),
            OpProblem::DuplicateId => pick(
                "同一修改编号在文件中出现了两次",
                "the same edit id appears twice in the file",
            ),
            OpProblem::BadPeriod => pick(
                "报告期不是有效的月份或季度（如 2020-05、2020-Q2）",
                "the reporting period is not a month or quarter (such as 2020-05 or 2020-Q2)",
            ),
            OpProblem::HalfReportKey => pick(
                "报告只写了单位或只写了报告期",
                "the report names a unit without a period, or a period without a unit",
            ),
            OpProblem::BadDueDay => pick(
                "报送日不在 1 到 31 日之间",
                "the due day is not between 1 and 31",
            ),
            OpProblem::TooManyParts => pick(
                "报送或审核记录包含的条目多得不合常理",
                "the submission or review lists far more items than any real one",
            ),
        }
    }
}

/// English, for logs and `Display`; people see [`OpProblem::message`] in their own language.
impl std::fmt::Display for OpProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}
