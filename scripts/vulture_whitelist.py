"""Names vulture cannot see used: frameworks call them by name, never our own code.

Read by ``vulture`` (paths in ``[tool.vulture]`` of pyproject.toml, run by ./scripts/test).
Pydantic validators, pytest fixtures, ``pytestmark``, pytest hooks and pydantic's
``model_config`` are left out there by decorator and name. Add a name here only when a
framework calls it; say which one. Dead code is deleted, never listed.
"""

from vulture.whitelist_utils import Whitelist

_ = Whitelist()

# Pelican calls a Generator's two steps by name.
_.generate_context
_.generate_output
# pickle's Pickler reads ``fast`` (write without a memo) as it dumps (incremental/memo.py).
_.fast
# PyYAML's emitter passes ``indentless`` to the override in record_writer.py.
_.indentless
# Jinja templates read these view attributes (themes/cus/templates/).
_.body_html
_.is_consultation
_.event_text
_.last_verified_text
_.contact_is_providers
# Settings read through Pelican's settings as CATALOGUE_<NAME>, by templates and katalog.
_.forms_endpoint
_.deploy_target
_.deploy_s3_endpoint
_.kiosk_idle_seconds
_.kiosk_warning_seconds
_.accessibility_statement
_.easy_to_read
_.easy_to_read_review
# The form backend's per-form addresses, read as ``getattr(config, f"mail_to_{form}")``.
_.mail_to_application
_.mail_to_catalogue_update
_.mail_to_missing_service
_.mail_to_error_report
_.mail_to_feedback
_.mail_to_partner_offer
# Module ``__getattr__`` (PEP 562): ``forms_backend.app:app`` for uvicorn.
_.__getattr__
# Standard-library and server hooks our subclasses override: urllib's redirect handler,
# http.server's handlers, html.parser's callbacks, aiosmtpd's handler, uvicorn's exit flag.
_.redirect_request
_.do_GET
_.do_POST
_.log_message
_.handle_starttag
_.handle_endtag
_.handle_data
_.handle_DATA
_.should_exit
# boto3's keyword names, which the fake S3 client in test_publish_deploy.py takes.
_.Bucket
# Jinja's hook for the class of every template context (incremental/pages.py records reads).
_.context_class
# Pelican reads it before deleting the output folder (hooks.py: a cached build keeps it).
_.delete_outputdir
