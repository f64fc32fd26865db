//! Figures a reviewer can trust (issue 15, items 2 and 3): a figure typed in June is a June figure, judged at
//! its own date, and a split target with one place reported shows that place against its share and names the
//! silent one, never a total made of one place.

use crate::browser::Browser;
use crate::edits::set_value;

#[tokio::test]
async fn a_june_figure_is_dated_june_and_one_place_is_not_a_total() {
    let server = crate::server::StaticServer::start(&crate::browser::dist_dir(), "/");
    let b = Browser::start("june-figure").await;
    b.set_clock(crate::clock::cst("2020-06-15", 10)).await;
    b.goto(&server.url("#/")).await;
    b.act_as("白银市").await;
    // The reviewer looks at the year end; the figure typed today is still today's.
    set_value(&b, "#review-date", "2020-12-31").await;
    b.goto(&server.url("#/task/6")).await;
    b.text("#actuals-t6\\.k3").await;
    let as_of = b
        .eval("return document.querySelector('#actuals-t6\\\\.k3 .as-of input').value")
        .await;
    assert_eq!(as_of, "2020-06-15", "the as-of date defaults to today");
    let note_date = b
        .eval("return document.querySelector('#note-date').value")
        .await;
    assert_eq!(note_date, "2020-06-15", "the note date defaults to today");

    b.eval(
        "const rows = [...document.querySelectorAll('#actuals-t6\\\\.k3 tbody tr')];
         const row = rows.find(r => r.querySelector('th').textContent.trim() === '白银');
         const input = row.querySelector('.actual-input');
         input.value = '15'; input.dispatchEvent(new Event('input', {bubbles: true}));
         row.querySelector('.record-actual').click();",
    )
    .await;
    b.wait_for_text("#actuals-t6\\.k3 tbody", "15（2020-06-15）")
        .await;
    let heading = b.text("#actuals-t6\\.k3 h3").await;
    assert!(heading.contains("白银 15/20（75%）"), "{heading}");
    assert!(heading.contains("兰州 未填报"), "{heading}");
    assert!(
        !heading.contains("完成率 15%"),
        "one place is not the total: {heading}"
    );
    assert!(
        !heading.contains("欠进度") && !heading.contains("滞后"),
        "75 % of 白银's share by mid-June is not behind: {heading}"
    );
    crate::cycle::look_at(&b, "target-one-place", Some("#actuals-t6\\.k3")).await;
    b.close().await;
}
