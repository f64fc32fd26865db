//! Why a sync round stopped, in the person's words and with what to do. Edits are never at risk in any of
//! these: they stay in this browser and go up with the next round that gets through.

use crate::i18n::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyncError {
    /// The request never got an answer (offline, server stopped, DNS, CORS refused).
    Unreachable(String),
    /// 401: no password, or a wrong one.
    Unauthorized,
    /// 403: the account may not read or write the folder.
    Forbidden,
    /// 404 on the plan's folder: it does not exist yet (the page offers to create it).
    NoFolder,
    /// 507 or 413: the server is out of space, or refuses a file this large.
    ServerFull(u16),
    /// Any other answer we did not expect.
    Status(u16),
    /// This browser's storage is full, so what was fetched cannot be kept.
    LocalFull,
}

impl SyncError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SyncError::Unreachable(_), Lang::Zh) => "连不上同步服务器（离线或服务器未运行）；修改保存在本机，联网后自动同步".into(),
            (SyncError::Unreachable(_), Lang::En) => "cannot reach the sync server (offline, or the server is down); edits are kept here and sync when it is back".into(),
            (SyncError::Unauthorized, Lang::Zh) => "用户名或密码不对，请在“同步”页重新输入；修改保存在本机".into(),
            (SyncError::Unauthorized, Lang::En) => "wrong user name or password: enter them again on the Sync page; edits are kept here".into(),
            (SyncError::Forbidden, Lang::Zh) => "此账号无权读写同步文件夹，请联系服务器管理员；修改保存在本机".into(),
            (SyncError::Forbidden, Lang::En) => "this account may not read or write the sync folder: ask the server's administrator; edits are kept here".into(),
            (SyncError::NoFolder, Lang::Zh) => "服务器上还没有本计划的同步文件夹，可在“同步”页创建".into(),
            (SyncError::NoFolder, Lang::En) => "the server has no sync folder for this plan yet: create it on the Sync page".into(),
            (SyncError::ServerFull(413), Lang::Zh) => "服务器拒收这么大的文件（413），请管理员调大上传上限；修改保存在本机".into(),
            (SyncError::ServerFull(413), Lang::En) => "the server refuses a file this large (413): ask its administrator to raise the upload limit; edits are kept here".into(),
            (SyncError::ServerFull(_), Lang::Zh) => "服务器存储空间已满（507），请管理员清理空间；修改保存在本机".into(),
            (SyncError::ServerFull(_), Lang::En) => "the server is out of storage space (507): ask its administrator to free some; edits are kept here".into(),
            (SyncError::Status(code), Lang::Zh) => format!("服务器返回错误 {code}，稍后自动重试；修改保存在本机"),
            (SyncError::Status(code), Lang::En) => format!("the server answered {code}; retrying later; edits are kept here"),
            (SyncError::LocalFull, Lang::Zh) => "本机存储已满，收到的修改无法保存；请在“数据”页导出后清理".into(),
            (SyncError::LocalFull, Lang::En) => "this browser's storage is full, so fetched edits cannot be kept: export and clear on the Data page".into(),
        }
    }

    /// Whether retrying by itself can help (a wrong password or a missing folder needs the person).
    pub fn retry_helps(&self) -> bool {
        matches!(
            self,
            SyncError::Unreachable(_) | SyncError::Status(_) | SyncError::ServerFull(_)
        )
    }

    /// The error an HTTP status stands for, when it is one.
    pub fn from_status(code: u16) -> Option<SyncError> {
        match code {
            200..=299 | 304 => None,
            401 => Some(SyncError::Unauthorized),
            403 => Some(SyncError::Forbidden),
            404 | 409 => Some(SyncError::NoFolder),
            413 | 507 => Some(SyncError::ServerFull(code)),
            _ => Some(SyncError::Status(code)),
        }
    }
}
