"""The guided tour's certificate scenario (registered in ``counter_app.ui.tour.SCENARIOS``).

At the ICBC instant branch: 李明's ID card read, then his social security card (F3), all types
for 48 months issued by the central, previewed, printed (saved as PDF), reprinted (marked 补打, the central counts it),
then verified with F9 as a verifier would (the person masked, the prints counted) and an
unknown code refused; then 罗军's number typed, pension only for a chosen from–to period (the
last 43 months), his gap named on screen and on the page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from counter_app.ui.application.documents import DocumentPreview
from counter_app.ui.certificate.page import CertificatePage, IdentifyView, OptionsView
from counter_app.ui.i18n import tr
from counter_app.ui.tour_steps import act as _act
from counter_app.ui.tour_steps import open_page
from counter_app.workflows.certificate import CertificateKind, Step

if TYPE_CHECKING:
    from counter_app.ui.tour import TourRun

LI_MING = "330203198506122017"
LUO_JUN = "330282198903145672"


def _open(run: TourRun) -> CertificatePage:
    return open_page(run, "certificates", CertificatePage, Step.IDENTIFY)


def _options(page: CertificatePage, kind: CertificateKind, months: int) -> None:
    view = page.view(Step.OPTIONS)
    assert isinstance(view, OptionsView)
    view.kind.setCurrentIndex(view.kind.findData(kind.value))
    view.months.setCurrentIndex(view.months.findData(str(months)))


def _save(run: TourRun, page: CertificatePage, name: str, label: str) -> None:
    path = run.out / f"{name}.pdf"
    _act(run, page, label, lambda: page.save_document(path))
    if not path.is_file():
        raise RuntimeError(f"the certificate was not saved to {path}")
    run.pdfs.append(path)


def _preview(run: TourRun, page: CertificatePage, name: str) -> None:
    _act(run, page, tr("预览"), lambda: page.document_action("preview"))
    dialog = next((d for d in page.findChildren(DocumentPreview) if d.isVisible()), None)
    assert dialog is not None, "the preview did not open"
    dialog.resize(760, 1000)
    run.shot(name, dialog)
    dialog.close()


def _verify(run: TourRun, page: CertificatePage, code: str, name: str) -> None:
    view = page.verify_view
    view.code.setText(code)
    _act(run, page, tr("核验授权码"), view.verify)
    run.shot(name)


def play_certificate(run: TourRun) -> None:
    from counter_app.devices.idcard import DEMO_ID_CARDS
    from counter_app.devices.sscard import DEMO_CARDS, SimulatedSocialCardReader

    page = _open(run)
    run.shot("identify")
    run.services.id_reader.place(DEMO_ID_CARDS[LI_MING])
    identify = page.view(Step.IDENTIFY)
    assert isinstance(identify, IdentifyView)
    _act(run, page, tr("读取身份证"), identify.read_id)
    run.shot("id-card-read")
    slot = run.services.card_reader
    assert isinstance(slot, SimulatedSocialCardReader), "the tour needs the simulated card slot"
    slot.insert(DEMO_CARDS[LI_MING])
    _act(run, page, tr("读取社保卡"), lambda: page.step_key("F3"))
    if page.wf is None or page.wf.record.card is None:
        raise RuntimeError("the demo holder's card was not read: " + page.banner.text())
    run.shot("card-read")
    _act(run, page, tr("下一步"), page.go_next, Step.OPTIONS)
    _options(page, CertificateKind.ALL, 48)
    run.shot("type-and-period")
    _act(run, page, tr("出具参保证明"), page.issue, Step.DONE)
    run.shot("issued")
    _preview(run, page, "preview")
    _save(run, page, "li-ming-original", tr("打印（原件）"))
    run.shot("printed")
    _save(run, page, "li-ming-reprint", tr("补打"))
    run.shot("reprinted")
    issued = page.wf.record.issued if page.wf is not None else None
    assert issued is not None

    _act(run, page, tr("核验参保证明（F9）"), lambda: page.step_key("F9"))
    run.shot("verify-empty")
    _verify(run, page, f"https://si.ningbo.example/verify?code={issued.auth_code}", "verified")
    _verify(run, page, "00000000DEADBEEF", "unknown-code-refused")
    _act(run, page, tr("返回"), page.leave_verify)

    _act(run, page, tr("办理下一笔"), page.new_certificate, Step.IDENTIFY)
    identify = page.view(Step.IDENTIFY)
    assert isinstance(identify, IdentifyView)
    identify.id_number.setText(LUO_JUN)
    _act(run, page, tr("下一步"), page.go_next, Step.OPTIONS)
    run.shot("typed-number")
    _options(page, CertificateKind.PENSION, 48)
    view = page.view(Step.OPTIONS)
    assert isinstance(view, OptionsView)
    view.months.setCurrentIndex(view.months.findData("chosen"))
    view.period_from.setCurrentIndex(42)  # newest first: 42 months before this one
    view.period_to.setCurrentIndex(0)
    run.shot("chosen-period")
    _act(run, page, tr("出具参保证明"), page.issue, Step.DONE)
    run.shot("pension-issued")
    _save(run, page, "luo-jun-pension-gap", tr("打印（原件）"))
