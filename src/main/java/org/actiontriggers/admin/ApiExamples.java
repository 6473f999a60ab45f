package org.actiontriggers.admin;

/** Example documents for the OpenAPI description ({@code /openapi}), as a client sends and receives them. */
final class ApiExamples {

    private ApiExamples() {}

    static final String CONFIG = """
            {
              "active": true,
              "payload": {
                "customer_name": "{{ customer.name }}",
                "product_name": "{{ product.name }}",
                "quantity": "{{ quantity }}"
              },
              "config_signals": [{"signal": "post_save"}],
              "content_types": [{"app_label": "shop", "model": "Sale"}],
              "webhooks": [{
                "url": "http://localhost:8080/api/demo/receiver/sales",
                "http_method": "POST",
                "headers": {"Authorization": "Bearer {{ org.actiontriggers.demo.DemoSecrets.fetchApiKey }}"},
                "timeout_secs": 10
              }],
              "message_broker_queues": [],
              "actions": []
            }
            """;

    static final String STORED_CONFIG = """
            {
              "id": 1,
              "active": true,
              "payload": {"customer_name": "{{ customer.name }}", "quantity": "{{ quantity }}"},
              "condition": {"field": "quantity", "gte": 2},
              "config_signals": [{"signal": "post_save"}],
              "content_types": [{"model": "Sale"}],
              "webhooks": [{
                "id": 1,
                "url": "http://localhost:8080/api/demo/receiver/sales",
                "http_method": "POST",
                "headers": {"Authorization": "Bearer {{ org.actiontriggers.demo.DemoSecrets.fetchApiKey }}",
                            "X-Api-Key": "****"},
                "timeout_secs": 10.0
              }],
              "message_broker_queues": [],
              "actions": [],
              "created_on": "2026-11-29T15:00:00Z",
              "created_by": "admin"
            }
            """;

    static final String INVALID = """
            {
              "type": "urn:action-triggers:problem:invalid-config",
              "title": "The trigger config is invalid",
              "status": 422,
              "detail": "2 problems; see errors",
              "errors": [
                {"pointer": "/webhooks/0/url", "detail": "matches none of action-triggers.whitelisted-webhook-endpoint-patterns (a pattern must match the whole URL): https://example\\\\.com/hook"},
                {"pointer": "/webhooks/0/timeout_secs", "detail": "must be at most 30 seconds, the max webhook timeout (action-triggers.max-webhook-timeout)"}
              ]
            }
            """;

    static final String PREVIEW_REQUEST = """
            {"entity_type": "Sale", "entity_id": 3, "signal": "post_save"}
            """;

    static final String PREVIEW = """
            {
              "entity_type": "Sale",
              "entity_id": "3",
              "signal": "post_save",
              "content_type": "application/json",
              "body": "{\\"customer_name\\":\\"Ann O'Brien\\",\\"quantity\\":3}",
              "payload": {"customer_name": "Ann O'Brien", "quantity": 3},
              "fires": true,
              "webhooks": [{
                "url": "http://localhost:8080/api/demo/receiver/sales",
                "http_method": "POST",
                "headers": {"Authorization": "Bearer {{ org.actiontriggers.demo.DemoSecrets.fetchApiKey }}",
                            "Content-Type": "application/json"}
              }]
            }
            """;

    static final String DESTINATION_FIGURES = """
            {
              "destination": "webhook:3",
              "windows": {
                "hour": {
                  "since": "2026-11-30T16:00:00Z", "until": "2026-11-30T17:00:00Z",
                  "succeeded": 118, "failed": 2, "volume": 120, "success_rate": 0.9833,
                  "p50_ms": 41, "p99_ms": 310, "truncated": false, "bucket_seconds": 300,
                  "buckets": [
                    {"start": "2026-11-30T16:00:00Z", "succeeded": 10, "failed": 0, "p50_ms": 40, "p99_ms": 95}
                  ]
                },
                "day": {"…": "the same for the last day, 24 hourly buckets"},
                "week": {"…": "the same for the last week, 28 buckets of 6 hours"}
              },
              "last_failures": [
                {"delivery_id": "019ad2f0-3c1e-7a8b-9c0d-1e2f3a4b5c6d", "attempted_at": "2026-11-30T16:41:07Z",
                 "url": "https://hooks.example.com/orders", "status_code": 503, "error_kind": null, "error": null,
                 "latency_ms": 212, "response_body": "upstream unavailable"}
              ]
            }
            """;

    static final String DELIVERY = """
            {
              "id": "019ad2f0-3c1e-7a8b-9c0d-1e2f3a4b5c6d",
              "config_id": 1,
              "webhook_id": 1,
              "entity_type": "Sale",
              "entity_id": "3",
              "signal": "post_save",
              "operation": "create",
              "http_method": "POST",
              "url": "http://localhost:8080/api/demo/receiver/sales",
              "state": "succeeded",
              "attempts": 1,
              "failed_rounds": 0,
              "created_at": "2026-11-29T15:00:00.120Z",
              "due_at": "2026-11-29T15:00:00.180Z",
              "completed_at": "2026-11-29T15:00:00.180Z",
              "last_status": 204,
              "last_error": null,
              "content_type": "application/json",
              "body": "{\\"customer_name\\":\\"Ann O'Brien\\",\\"quantity\\":3}",
              "attempt_log": [{
                "attempted_at": "2026-11-29T15:00:00.130Z",
                "url": "http://localhost:8080/api/demo/receiver/sales",
                "status_code": 204,
                "error_kind": null,
                "error": null,
                "latency_ms": 41,
                "response_body": ""
              }]
            }
            """;

    static final String DESTINATION = """
            {
              "destination": "webhook:12",
              "kind": "webhook",
              "webhook_id": 12,
              "address": "https://receiver.example.com/hooks",
              "state": "open",
              "healthy": false,
              "failed_rounds": 7,
              "failing_since": "2026-11-30T09:12:03Z",
              "opened_at": "2026-11-30T09:14:40Z",
              "next_probe_at": "2026-11-30T09:16:40Z",
              "probe_interval_seconds": 60.0,
              "disabled_at": null,
              "disabled_reason": null,
              "last_success_at": "2026-11-30T09:11:58Z",
              "last_failure_at": "2026-11-30T09:15:40Z",
              "last_status": 503,
              "last_error": "HTTP 503",
              "rate_limit": 20.0,
              "max_in_flight": null,
              "in_flight": 0,
              "waiting": 311,
              "updated_at": "2026-11-30T09:15:40Z"
            }
            """;
}
