/// The OpenAPI 3 description of the JSON API, served at `/openapi.json`. The API tests check the
/// routes against it, and `scripts/api-contract` runs schemathesis against a live server with it.
enum OpenAPIDocument {
    static let json = #"""
{
 "components": {
  "responses": {
   "Problem": {
    "content": {
     "application/problem+json": {
      "schema": {
       "$ref": "#/components/schemas/Problem"
      }
     }
    },
    "description": "A problem (RFC 9457)."
   }
  },
  "schemas": {
   "Problem": {
    "properties": {
     "detail": {
      "type": "string"
     },
     "instance": {
      "type": "string"
     },
     "kind": {
      "enum": [
       "refused",
       "bad input",
       "script error",
       "storage conflict",
       "storage error",
       "unauthorised",
       "locked out",
       "forbidden",
       "server error"
      ],
      "type": "string"
     },
     "location": {
      "description": "file:line of a script error.",
      "type": "string"
     },
     "status": {
      "type": "integer"
     },
     "title": {
      "type": "string"
     },
     "type": {
      "type": "string"
     }
    },
    "required": [
     "type",
     "title",
     "status",
     "detail",
     "kind"
    ],
    "type": "object"
   }
  },
  "securitySchemes": {
   "bearer": {
    "scheme": "bearer",
    "type": "http"
   }
  }
 },
 "info": {
  "description": "Case workflow engine for DVPN/DVPO casework (Crime and Security Act 2010 ss.24-33). Every route but /health and /openapi.json needs Authorization: Bearer TOKEN, the person's own token from the store's staff register ('safeguard staff token'); every write is recorded as that person's, in a role the register gave them at the event's time. Errors are RFC 9457 problem details: bad input 400, unknown case 404, refused by the procedure 422, storage conflict 409, script error 500, storage error 503, no or bad token 401, forbidden 403 (a force other than the person's own in a query or body, or an administrator's route for someone who is not one), too many bad tokens 429. Another force's case is answered 404, as an unknown one is. An administrator of any force may read /procedure for any force (scripts are not case data). A query parameter a route does not take is refused (400), never ignored. Personal fields (those an event marks personal) appear only for people whose register entry holds a police rank; everyone else gets them left out of every answer (cases, history, lists, writes' answers and export, which then names them in redacted), as the pages mask them. A JSON body must be sent as Content-Type: application/json (else 415), read strictly (a duplicate key is 400), at most 1 MiB (else 413). An /apply upload whose every line is malformed is 400. A documented path asked with a method it does not take is 405 (with Allow).",
  "title": "Safeguard",
  "version": "1"
 },
 "openapi": "3.0.3",
 "paths": {
  "/apply": {
   "post": {
    "requestBody": {
     "content": {
      "application/x-ndjson": {
       "schema": {
        "type": "string"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{lines, applied, skipped, refused, malformed, problems}"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "Apply JSON Lines, one transition a line; every line's actor must be the authenticated person."
   }
  },
  "/cases": {
   "get": {
    "parameters": [
     {
      "description": "Only cases in this state.",
      "in": "query",
      "name": "state",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "Only cases of this force.",
      "in": "query",
      "name": "force",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "Page size, 1 to 500 (default 50).",
      "in": "query",
      "name": "limit",
      "required": false,
      "schema": {
       "maximum": 500,
       "minimum": 1,
       "type": "integer"
      }
     },
     {
      "description": "Cases to skip (default 0).",
      "in": "query",
      "name": "offset",
      "required": false,
      "schema": {
       "minimum": 0,
       "type": "integer"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{total, limit, offset, cases}"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "Cases, filtered and paged."
   },
   "post": {
    "parameters": [
     {
      "description": "An event id that makes the write idempotent: the same key with the same request answers 200 recorded:false; with a different request (data, time, role, event, case or person) 422; a body id that differs from it 400. Without a body id, the case id is made from the key, so a retry finds the same case.",
      "in": "header",
      "name": "Idempotency-Key",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "at": {
          "type": "string"
         },
         "data": {
          "type": "object"
         },
         "event_id": {
          "type": "string"
         },
         "force": {
          "description": "Default the person's force.",
          "type": "string"
         },
         "id": {
          "description": "The case id; default a new C-xxxxxxxx.",
          "type": "string"
         },
         "role": {
          "type": "string"
         },
         "workflow": {
          "description": "Default dvpo.",
          "type": "string"
         }
        },
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{recorded: false, event}: the event id was already recorded."
     },
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{recorded: true, event, case}"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "415": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "500": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "Open a case with its workflow's opening event, as the authenticated person."
   }
  },
  "/cases/{case}": {
   "get": {
    "parameters": [
     {
      "description": "The case id.",
      "example": "WEB-1",
      "in": "path",
      "name": "case",
      "required": true,
      "schema": {
       "minLength": 1,
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "The case."
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "The case as it stands, with the events allowed next."
   }
  },
  "/cases/{case}/deadlines": {
   "get": {
    "parameters": [
     {
      "description": "The case id.",
      "example": "WEB-1",
      "in": "path",
      "name": "case",
      "required": true,
      "schema": {
       "minLength": 1,
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{case, deadlines}"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "500": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "The case's deadlines, each explained day by day."
   }
  },
  "/cases/{case}/events": {
   "post": {
    "parameters": [
     {
      "description": "The case id.",
      "example": "WEB-1",
      "in": "path",
      "name": "case",
      "required": true,
      "schema": {
       "minLength": 1,
       "type": "string"
      }
     },
     {
      "description": "An event id that makes the write idempotent: the same key with the same request answers 200 recorded:false; with a different request (data, time, role, event, case or person) 422; a body id that differs from it 400.",
      "in": "header",
      "name": "Idempotency-Key",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "at": {
          "description": "ISO 8601 with an offset; default now.",
          "type": "string"
         },
         "data": {
          "description": "The event's fields.",
          "type": "object"
         },
         "event": {
          "description": "The event's name, e.g. authorise_notice.",
          "type": "string"
         },
         "id": {
          "description": "An event id: a second request with it changes nothing.",
          "type": "string"
         },
         "role": {
          "description": "The role to act in, one the staff register gave the person at the event's time; default their first.",
          "type": "string"
         }
        },
        "required": [
         "event"
        ],
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{recorded: false, event}"
     },
     "201": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{recorded: true, event, case}"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "409": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "415": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "500": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "Fire an event on the case, as the authenticated person."
   }
  },
  "/cases/{case}/explain": {
   "post": {
    "parameters": [
     {
      "description": "The case id.",
      "example": "WEB-1",
      "in": "path",
      "name": "case",
      "required": true,
      "schema": {
       "minLength": 1,
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "content": {
      "application/json": {
       "schema": {
        "additionalProperties": false,
        "properties": {
         "at": {
          "description": "ISO 8601 with an offset; default now.",
          "type": "string"
         },
         "data": {
          "description": "The event's fields.",
          "type": "object"
         },
         "event": {
          "description": "The event's name, e.g. authorise_notice.",
          "type": "string"
         },
         "id": {
          "description": "An event id: a second request with it changes nothing.",
          "type": "string"
         },
         "role": {
          "description": "The role to act in, one the staff register gave the person at the event's time; default their first.",
          "type": "string"
         }
        },
        "required": [
         "event"
        ],
        "type": "object"
       }
      }
     },
     "required": true
    },
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{case, event, allowed, checks}"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "413": {
      "$ref": "#/components/responses/Problem"
     },
     "415": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "500": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "Every check that would allow or block an event, changing nothing."
   }
  },
  "/cases/{case}/history": {
   "get": {
    "parameters": [
     {
      "description": "The case id.",
      "example": "WEB-1",
      "in": "path",
      "name": "case",
      "required": true,
      "schema": {
       "minLength": 1,
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{case, events}"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "404": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "The case's events, oldest first."
   }
  },
  "/check": {
   "get": {
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{errors, warnings, forces}"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "500": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "Administrators: every problem in the scripts folder."
   }
  },
  "/due": {
   "get": {
    "parameters": [
     {
      "description": "Judge at this time (default now).",
      "in": "query",
      "name": "at",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "Only those due before this time.",
      "in": "query",
      "name": "horizon",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "Only this force.",
      "in": "query",
      "name": "force",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{at, deadlines}"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "Pending and missed deadlines, soonest first."
   }
  },
  "/export": {
   "get": {
    "parameters": [
     {
      "description": "Only this force.",
      "in": "query",
      "name": "force",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "true leaves personal fields out; anything but true or false is refused (400). A person without a police rank always gets them left out.",
      "in": "query",
      "name": "redact",
      "required": false,
      "schema": {
       "enum": [
        "true",
        "false"
       ],
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/x-ndjson": {
        "schema": {
         "type": "string"
        }
       }
      },
      "description": "JSON Lines."
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "Every case with its history, one JSON object a line."
   }
  },
  "/health": {
   "get": {
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "Up."
     }
    },
    "security": [],
    "summary": "Whether the server is up."
   }
  },
  "/openapi.json": {
   "get": {
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "The OpenAPI document."
     }
    },
    "security": [],
    "summary": "This document."
   }
  },
  "/procedure": {
   "get": {
    "parameters": [
     {
      "description": "Default dvpo.",
      "in": "query",
      "name": "workflow",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "Default the national procedure.",
      "in": "query",
      "name": "force",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "The procedure."
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "500": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "Administrators: a force's effective procedure."
   }
  },
  "/reports": {
   "get": {
    "parameters": [
     {
      "description": "Only this force.",
      "in": "query",
      "name": "force",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "YYYY-MM-DD, London.",
      "in": "query",
      "name": "from",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "YYYY-MM-DD, London.",
      "in": "query",
      "name": "to",
      "required": false,
      "schema": {
       "type": "string"
      }
     },
     {
      "description": "all, month or force.",
      "in": "query",
      "name": "by",
      "required": false,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "content": {
       "application/json": {
        "schema": {
         "type": "object"
        }
       }
      },
      "description": "{groups}"
     },
     "400": {
      "$ref": "#/components/responses/Problem"
     },
     "401": {
      "$ref": "#/components/responses/Problem"
     },
     "403": {
      "$ref": "#/components/responses/Problem"
     },
     "422": {
      "$ref": "#/components/responses/Problem"
     },
     "429": {
      "$ref": "#/components/responses/Problem"
     },
     "503": {
      "$ref": "#/components/responses/Problem"
     }
    },
    "summary": "The figures each workflow declares."
   }
  }
 },
 "security": [
  {
   "bearer": []
  }
 ]
}
"""#
}
