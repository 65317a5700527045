"""Software social security card and PSAM, attached to pcscd through vpcd.

Run as ``python -m counter_app.card.emulator serve --state DIR``. Keys live only here.
"""
