"""What vulture cannot see being used, each with the reason (pyproject.toml [tool.vulture]).

Nothing here is dead: a name is listed only when Django, a library, a template or a test uses
it in a way a reader of the Python alone does not see. A new finding is fixed by deleting the
code, or, when it is used in one of these ways, by adding it to its group here.
"""

# ruff: noqa
# fmt: off

_ = object()

# Named in the settings by dotted path (middleware, backends, checks, static finders, the
# setup_configuration steps, axes' client IP callable, the error handlers in urls.py).
ApiMiddleware; IdleTimeoutMiddleware; NoStoreMiddleware; NpmFilesFinder; DigiDBackend
DigiDAuthenticationRequestView; DigiDCallbackView; OIDCConfigurationStep; ZakenConfigurationStep
check_audit_encryption_keys; check_digid_settings; check_staff_second_factor; client_ip_address
bad_request; csrf_failure; page_not_found; permission_denied; DeskAccess

# Hooks a base class calls (mozilla-django-oidc, Django's auth, static finders, axes).
_.retrieve_matching_jwk; _.verify_claims; _.describe_user_by_claims; _.filter_users_by_claims
_.create_user; _.get_settings; _.login_success; _.find; _.UserModel; _.backend

# Read by templates (view-models and template-tag values).
documents_unavailable; is_current; is_end; is_unavailable; opschorting_reden; resultaat_unavailable
status_unavailable; timeline_unavailable; type_label; verlenging_reden; zaak_title; shows_admin
shows_desk; logout_url; after_logout_url; action_by_email; sms_without_phone; unavailable
without_email; channel_fallback

# Model fields and choices (the admin, the CSV export, migrations and the database use them).
processed_at; _.processed_at; provider_reference; _.provider_reference; registered_at
_.registered_at; sent_at; _.sent_at; received_at; claimed_at; updated_at; login_type
clear_client_secret; scopes; EHERKENNING; OPENBAAR; BEPERKT_OPENBAAR; INTERN; ZAAKVERTROUWELIJK
VERTROUWELIJK; CONFIDENTIEEL; GEHEIM; ZEER_GEHEIM; RS256; RS384; RS512; ES256; ES384; ES512; HS256
openbaar; beperkt_openbaar; zaakvertrouwelijk; vertrouwelijk; confidentieel; zeer_geheim

# Fields of the standards' resources, parsed whole at the client boundary (docs/architecture.md
# rule 1): a page that needs one tomorrow must not find it missing.
aard_relatie_weergave; anp_identificatie; betrokkene; bronorganisatie; deelzaken
eerdere_opschorting; einde_geldigheid; gezetdoor; hoofdzaak; indicatie_laatst_gezette_status
indicatie_machtiging; laatst_geopend; locked; opschorting_en_aanhouding_mogelijk
publicatie_indicatie; publicatiedatum; publicatietekst; resultaattypeomschrijving; soort_partij
taal; versie; vestigings_nummer

# Serialised with dataclasses.asdict (the benchmark's results, the demo mailbox) or a Protocol.
n; median_ms; p95_ms; min_ms; max_ms; role; to; update_fields

# Used by the tests only: the call recorder, the demo's people and TOTP step, a client call.
record_upstream_calls; PEOPLE; totp_step; _.catalogussen; forget_tokens
