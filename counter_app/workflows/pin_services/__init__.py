"""PIN services (修改密码, 密码重置解锁) per function: the rules over the state table and the
operations over the PIN pad, the chip and the central (``pins``). The wizard that offers
them is the card services' (``workflows.card_services``)."""

from counter_app.workflows.pin_services.rules import PinOffer, pin_offer

__all__ = ["PinOffer", "pin_offer"]
