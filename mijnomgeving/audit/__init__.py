"""The processing log (verwerkingenlogging): who looked at whose data, when, why and what."""
