/**
 * The Huitong API as the server declares it, generated from the server's OpenAPI document
 * by scripts/openapi.ts (npm run api:types). Do not edit; change the server instead.
 */
export interface paths {
  '/healthz': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /** Liveness and database reachability */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @enum {string} */
              status: 'ok'
              database: 'sqlite' | 'postgres'
              version: string
            }
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/auth/login': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Sign in with username and password (登录)
     * @description Access: public.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            username: string
            password: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              /** @description Bearer token; send as Authorization: Bearer <token> */
              token: string
              expiresAt: string
              user: components['schemas']['User']
            }
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        423: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/auth/logout': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * End this session (退出登录)
     * @description Access: any signed-in user or API client.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/me': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Who am I: account, department and roles (当前用户)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              kind: 'user' | 'client'
              id: string
              username: string
              displayName: string
              department: {
                id: string
                code: string
                name: string
              }
              roles: ('sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor')[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/me/password': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /**
     * Change my password (修改密码)
     * @description Access: any signed-in user or API client.
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            currentPassword: string
            newPassword: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/roles': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The roles and their names (角色)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['RoleInfo'][]
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/users': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * List users with search and paging (用户列表)
     * @description Access: sysadmin (系统管理员), secadmin (安全管理员).
     */
    get: {
      parameters: {
        query?: {
          q?: string
          department?: string
          /** @description role */
          role?: 'sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor'
          status?: 'active' | 'disabled'
          /** @description sort key; a leading - sorts descending */
          sort?: 'username' | '-username' | 'displayName' | '-displayName' | 'createdAt' | '-createdAt'
          limit?: number
          offset?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['User'][]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    /**
     * Create a user account, without roles (新建用户)
     * @description Access: sysadmin (系统管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description lower case letters, digits, _ . -; 2–32 characters */
            username: string
            displayName: string
            /** @description department id or code */
            department: string
            password: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              username: string
              displayName: string
              department: {
                id: string
                code: string
                name: string
              }
              roles: ('sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor')[]
              status: 'active' | 'disabled'
              createdAt: string
              updatedAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/users/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * One user by id or username
     * @description Access: sysadmin (系统管理员), secadmin (安全管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              username: string
              displayName: string
              department: {
                id: string
                code: string
                name: string
              }
              roles: ('sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor')[]
              status: 'active' | 'disabled'
              createdAt: string
              updatedAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /**
     * Change a user’s name, department or status (修改用户)
     * @description Access: sysadmin (系统管理员).
     */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            displayName?: string
            department?: string
            status?: 'active' | 'disabled'
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              username: string
              displayName: string
              department: {
                id: string
                code: string
                name: string
              }
              roles: ('sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor')[]
              status: 'active' | 'disabled'
              createdAt: string
              updatedAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    trace?: never
  }
  '/api/v1/users/{id}/password': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /**
     * Reset a user’s password; ends their sessions (重置密码)
     * @description Access: sysadmin (系统管理员).
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            password: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/users/{id}/roles': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /**
     * Set a user’s roles (分配角色); the three administrator roles exclude all others
     * @description Access: secadmin (安全管理员).
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            roles: ('sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor')[]
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              username: string
              displayName: string
              department: {
                id: string
                code: string
                name: string
              }
              roles: ('sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor')[]
              status: 'active' | 'disabled'
              createdAt: string
              updatedAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/departments': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * All departments (部门)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Department'][]
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    /**
     * Create a department (新建部门)
     * @description Access: sysadmin (系统管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description stable department code */
            code: string
            name: string
            shortName: string
            nameEn: string
            parent?: string | null
            kind: 'city' | 'district'
            divisionCode: string | null
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              code: string
              name: string
              shortName: string
              nameEn: string
              parentId: string | null
              kind: 'city' | 'district'
              divisionCode: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/departments/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /**
     * Change a department (修改部门)
     * @description Access: sysadmin (系统管理员).
     */
    patch: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name?: string
            shortName?: string
            nameEn?: string
            parent?: string | null
            kind?: 'city' | 'district'
            divisionCode?: string | null
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              code: string
              name: string
              shortName: string
              nameEn: string
              parentId: string | null
              kind: 'city' | 'district'
              divisionCode: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    trace?: never
  }
  '/api/v1/clients': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * API clients: all for the system administrator, own department’s for a steward (接入系统)
     * @description Access: sysadmin (系统管理员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['ApiClient'][]
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    /**
     * Create an API client; the token is shown once (新建接入系统)
     * @description Access: sysadmin (系统管理员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            name: string
            /** @description defaults to your own department */
            department?: string
            roles?: ('sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor')[]
            expiresAt?: string | null
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              client: components['schemas']['ApiClient']
              token: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/clients/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    post?: never
    /**
     * Revoke an API client (吊销)
     * @description Access: sysadmin (系统管理员), steward (部门数据管理员).
     */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              department: {
                id: string
                code: string
                name: string
              }
              roles: ('sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor')[]
              tokenPrefix: string
              createdBy: string
              createdAt: string
              expiresAt: string | null
              revokedAt: string | null
              lastUsedAt: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/security/settings': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Password policy, lockout and session settings (安全设置)
     * @description Access: secadmin (安全管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              passwordMinLength: number
              passwordMinClasses: number
              lockoutThreshold: number
              lockoutWindowMinutes: number
              sessionTtlMinutes: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    /**
     * Change security settings (修改安全设置)
     * @description Access: secadmin (安全管理员).
     */
    patch: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            passwordMinLength?: number
            passwordMinClasses?: number
            lockoutThreshold?: number
            lockoutWindowMinutes?: number
            sessionTtlMinutes?: number
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              passwordMinLength: number
              passwordMinClasses: number
              lockoutThreshold: number
              lockoutWindowMinutes: number
              sessionTtlMinutes: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    trace?: never
  }
  '/api/v1/audit': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Audit log with filters and paging (审计日志)
     * @description Access: auditor (审计管理员).
     */
    get: {
      parameters: {
        query?: {
          /** @description username or client name */
          actor?: string
          /** @description exact action, or a prefix ending in * (e.g. auth.*) */
          action?: string
          department?: string
          outcome?: 'success' | 'failure' | 'denied'
          from?: string
          to?: string
          q?: string
          order?: 'asc' | 'desc'
          limit?: number
          offset?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['AuditRecord'][]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/audit/verify': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Verify the SM3 hash chain, as a job with progress (校验审计链)
     * @description Access: auditor (审计管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              type: string
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
              progress: number
              progressMessage: string | null
              result: unknown
              error: string | null
              attempts: number
              maxAttempts: number
              createdAt: string
              updatedAt: string
              finishedAt: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/jobs': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * My jobs, newest first (我的任务)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: {
          type?: string
          limit?: number
          offset?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['Job'][]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/jobs/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * A job’s status and progress (任务进度)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              type: string
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
              progress: number
              progressMessage: string | null
              result: unknown
              error: string | null
              attempts: number
              maxAttempts: number
              createdAt: string
              updatedAt: string
              finishedAt: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/jobs/{id}/cancel': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Cancel a queued or running job (取消任务)
     * @description Access: any signed-in user or API client.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              type: string
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
              progress: number
              progressMessage: string | null
              result: unknown
              error: string | null
              attempts: number
              maxAttempts: number
              createdAt: string
              updatedAt: string
              finishedAt: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/resources': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Search published resources with facets (资源目录检索)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: {
          /** @description Chinese words, pinyin (renkou) or initials (rkjc); several terms must all match */
          q?: string
          /** @description provider department codes */
          department?: string[]
          /** @description base / theme / department */
          classification?: string[]
          /** @description base kind or theme codes */
          category?: string[]
          /** @description unconditional / conditional / none */
          shareType?: string[]
          /** @description true / false */
          open?: string[]
          /** @description 格式分类 */
          formatClass?: string[]
          /** @description 更新周期 */
          updateCycle?: string[]
          sort?: 'relevance' | 'published' | '-published' | 'name' | '-name' | 'code' | '-code' | 'department' | '-department'
          limit?: number
          offset?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['SearchDocument'][]
              total: number
              facets: {
                department: {
                  value: string
                  count: number
                }[]
                classification: {
                  value: string
                  count: number
                }[]
                category: {
                  value: string
                  count: number
                }[]
                shareType: {
                  value: string
                  count: number
                }[]
                open: {
                  value: string
                  count: number
                }[]
                formatClass: {
                  value: string
                  count: number
                }[]
                updateCycle: {
                  value: string
                  count: number
                }[]
              }
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    /**
     * Register a resource as a draft of my department (登记资源)
     * @description Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description 资源名称 */
            name: string
            /** @description 资源摘要 */
            abstract: string
            /**
             * @description base 基础 / theme 主题 / department 部门
             * @enum {unknown}
             */
            classification: 'base' | 'theme' | 'department'
            /** @description base kind or theme code; null for department resources */
            category: string | null
            /** @enum {unknown} */
            formatClass: '电子文件' | '电子表格' | '数据库' | '图形图像' | '流媒体' | '自描述格式' | '服务接口'
            formatType: string
            /** @enum {unknown} */
            shareType: 'unconditional' | 'conditional' | 'none'
            /** @description required when conditional */
            shareCondition?: string
            /** @description required when not shared */
            legalBasis?: string
            shareMethods: ('api' | 'file' | 'database')[]
            /** @description 是否向社会开放 */
            open: boolean
            openCondition?: string
            /** @enum {unknown} */
            updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual'
            publishDate?: string | null
            relatedCodes?: string[]
            /**
             * @description only non-secret resources may be registered
             * @enum {unknown}
             */
            secrecy: 'non-secret' | 'secret'
            tags?: string[]
            items: {
              /** @description 信息项名称 */
              name: string
              /** @description field key: lower case letters, digits, _ */
              key: string
              /**
               * @description C 字符 N 数值 Y 货币 D 日期 T 日期时间 L 逻辑 M 备注 B 二进制 I 整型 F 浮点
               * @enum {unknown}
               */
              type: 'C' | 'N' | 'Y' | 'D' | 'T' | 'L' | 'M' | 'B' | 'I' | 'F'
              length?: number | null
              required?: boolean
              primaryKey?: boolean
              /** @description sensitive personal information (敏感个人信息) */
              sensitive?: boolean
              identifierKind?: ('residentId' | 'creditCode' | 'divisionCode') | null
              /** @description a base item of a base-registry resource (基础信息项) */
              baseItem?: boolean
              /** @description overrides the resource share type; null inherits it */
              shareType?: ('unconditional' | 'conditional' | 'none') | null
              description?: string
            }[]
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string
              department: {
                id: string
                code: string
                name: string
              }
              /** @enum {unknown} */
              status: 'draft' | 'submitted' | 'returned' | 'published' | 'retired'
              workingStatus: ('draft' | 'submitted' | 'returned') | null
              publishedVersion: number | null
              latestVersion: number
              createdAt: string
              updatedAt: string
              version: components['schemas']['ResourceVersion']
              versions: components['schemas']['VersionSummary'][]
              reviews: components['schemas']['ReviewEntry'][]
              actions: string[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/suggest': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Names to suggest while typing (检索提示)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query: {
          q: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string
              name: string
              department: string
            }[]
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/mine': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * My department’s resources in every state (本部门资源)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: {
          status?: 'draft' | 'submitted' | 'returned' | 'published' | 'retired'
          q?: string
          limit?: number
          offset?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['ResourceRecord'][]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/reviews': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Entries waiting for the data office’s review (待审核)
     * @description Access: dataoffice (数据主管部门).
     */
    get: {
      parameters: {
        query?: {
          limit?: number
          offset?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['ResourceRecord'][]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/meta': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The catalog’s code lists with Chinese and English names (代码表)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              classifications: {
                value: string
                zh: string
                en: string
              }[]
              baseKinds: {
                value: string
                zh: string
                en: string
              }[]
              themes: {
                value: string
                zh: string
                en: string
              }[]
              formatClasses: {
                value: string
                zh: string
                en: string
                types: string[]
              }[]
              itemTypes: {
                value: string
                zh: string
                en: string
              }[]
              identifierKinds: {
                value: string
                zh: string
                en: string
              }[]
              shareTypes: {
                value: string
                zh: string
                en: string
              }[]
              shareMethods: {
                value: string
                zh: string
                en: string
              }[]
              updateCycles: {
                value: string
                zh: string
                en: string
              }[]
              statuses: {
                value: string
                zh: string
                en: string
              }[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/stats': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Counts by department, status, classification, share type, openness (目录统计)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              totals: {
                all: number
                published: number
                pendingReview: number
              }
              byStatus: {
                value: string
                count: number
              }[]
              byDepartment: {
                code: string
                name: string
                total: number
                published: number
                draft: number
                submitted: number
                returned: number
                retired: number
              }[]
              byClassification: {
                value: string
                count: number
              }[]
              byShareType: {
                value: string
                count: number
              }[]
              byOpenness: {
                value: string
                count: number
              }[]
              byFormatClass: {
                value: string
                count: number
              }[]
              byUpdateCycle: {
                value: string
                count: number
              }[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/dcat.jsonld': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The published catalog as DCAT-AP JSON-LD (DCAT-AP 导出)
     * @description One dcat:Catalog with one dcat:Dataset per published resource; the @context is inline.
     *
     *     Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/resources/{code}/dcat.jsonld': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * One published resource as a DCAT-AP dcat:Dataset
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/resources/{code}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * A resource with its versions (资源详情)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string
              department: {
                id: string
                code: string
                name: string
              }
              /** @enum {unknown} */
              status: 'draft' | 'submitted' | 'returned' | 'published' | 'retired'
              workingStatus: ('draft' | 'submitted' | 'returned') | null
              publishedVersion: number | null
              latestVersion: number
              createdAt: string
              updatedAt: string
              version: components['schemas']['ResourceVersion']
              versions: components['schemas']['VersionSummary'][]
              reviews: components['schemas']['ReviewEntry'][]
              actions: string[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/resources/{code}/versions/{version}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * One version of a resource (历史版本)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
          version: number
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              version: number
              /** @enum {unknown} */
              status: 'draft' | 'submitted' | 'returned' | 'published' | 'superseded' | 'retired'
              content: components['schemas']['ResourceContent']
              createdBy: string
              createdAt: string
              updatedAt: string
              submittedAt: string | null
              reviewedBy: string | null
              reviewedAt: string | null
              reviewComment: string | null
              publishedAt: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/resources/{code}/diff': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * What changed between two versions (版本比较)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query: {
          from: number
          to: number
        }
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              from: number
              to: number
              fields: {
                field: string
                before: unknown
                after: unknown
              }[]
              itemsAdded: {
                /** @description 信息项名称 */
                name: string
                /** @description field key: lower case letters, digits, _ */
                key: string
                /**
                 * @description C 字符 N 数值 Y 货币 D 日期 T 日期时间 L 逻辑 M 备注 B 二进制 I 整型 F 浮点
                 * @enum {unknown}
                 */
                type: 'C' | 'N' | 'Y' | 'D' | 'T' | 'L' | 'M' | 'B' | 'I' | 'F'
                length: number | null
                required: boolean
                primaryKey: boolean
                /** @description sensitive personal information (敏感个人信息) */
                sensitive: boolean
                identifierKind: ('residentId' | 'creditCode' | 'divisionCode') | null
                /** @description a base item of a base-registry resource (基础信息项) */
                baseItem: boolean
                /** @description overrides the resource share type; null inherits it */
                shareType: ('unconditional' | 'conditional' | 'none') | null
                description: string
              }[]
              itemsRemoved: {
                /** @description 信息项名称 */
                name: string
                /** @description field key: lower case letters, digits, _ */
                key: string
                /**
                 * @description C 字符 N 数值 Y 货币 D 日期 T 日期时间 L 逻辑 M 备注 B 二进制 I 整型 F 浮点
                 * @enum {unknown}
                 */
                type: 'C' | 'N' | 'Y' | 'D' | 'T' | 'L' | 'M' | 'B' | 'I' | 'F'
                length: number | null
                required: boolean
                primaryKey: boolean
                /** @description sensitive personal information (敏感个人信息) */
                sensitive: boolean
                identifierKind: ('residentId' | 'creditCode' | 'divisionCode') | null
                /** @description a base item of a base-registry resource (基础信息项) */
                baseItem: boolean
                /** @description overrides the resource share type; null inherits it */
                shareType: ('unconditional' | 'conditional' | 'none') | null
                description: string
              }[]
              itemsChanged: {
                key: string
                name: string
                changes: {
                  field: string
                  before: unknown
                  after: unknown
                }[]
              }[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/resources/{code}/draft': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /**
     * Save the working draft; on a published resource this opens a new version (编辑草稿)
     * @description Access: steward (部门数据管理员).
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description 资源名称 */
            name: string
            /** @description 资源摘要 */
            abstract: string
            /**
             * @description base 基础 / theme 主题 / department 部门
             * @enum {unknown}
             */
            classification: 'base' | 'theme' | 'department'
            /** @description base kind or theme code; null for department resources */
            category: string | null
            /** @enum {unknown} */
            formatClass: '电子文件' | '电子表格' | '数据库' | '图形图像' | '流媒体' | '自描述格式' | '服务接口'
            formatType: string
            /** @enum {unknown} */
            shareType: 'unconditional' | 'conditional' | 'none'
            /** @description required when conditional */
            shareCondition?: string
            /** @description required when not shared */
            legalBasis?: string
            shareMethods: ('api' | 'file' | 'database')[]
            /** @description 是否向社会开放 */
            open: boolean
            openCondition?: string
            /** @enum {unknown} */
            updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual'
            publishDate?: string | null
            relatedCodes?: string[]
            /**
             * @description only non-secret resources may be registered
             * @enum {unknown}
             */
            secrecy: 'non-secret' | 'secret'
            tags?: string[]
            items: {
              /** @description 信息项名称 */
              name: string
              /** @description field key: lower case letters, digits, _ */
              key: string
              /**
               * @description C 字符 N 数值 Y 货币 D 日期 T 日期时间 L 逻辑 M 备注 B 二进制 I 整型 F 浮点
               * @enum {unknown}
               */
              type: 'C' | 'N' | 'Y' | 'D' | 'T' | 'L' | 'M' | 'B' | 'I' | 'F'
              length?: number | null
              required?: boolean
              primaryKey?: boolean
              /** @description sensitive personal information (敏感个人信息) */
              sensitive?: boolean
              identifierKind?: ('residentId' | 'creditCode' | 'divisionCode') | null
              /** @description a base item of a base-registry resource (基础信息项) */
              baseItem?: boolean
              /** @description overrides the resource share type; null inherits it */
              shareType?: ('unconditional' | 'conditional' | 'none') | null
              description?: string
            }[]
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string
              department: {
                id: string
                code: string
                name: string
              }
              /** @enum {unknown} */
              status: 'draft' | 'submitted' | 'returned' | 'published' | 'retired'
              workingStatus: ('draft' | 'submitted' | 'returned') | null
              publishedVersion: number | null
              latestVersion: number
              createdAt: string
              updatedAt: string
              version: components['schemas']['ResourceVersion']
              versions: components['schemas']['VersionSummary'][]
              reviews: components['schemas']['ReviewEntry'][]
              actions: string[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    post?: never
    /**
     * Discard the working draft (放弃草稿)
     * @description Access: steward (部门数据管理员).
     */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              deleted: boolean
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/resources/{code}/submit': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Submit the draft for review (提交审核)
     * @description Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string
              department: {
                id: string
                code: string
                name: string
              }
              /** @enum {unknown} */
              status: 'draft' | 'submitted' | 'returned' | 'published' | 'retired'
              workingStatus: ('draft' | 'submitted' | 'returned') | null
              publishedVersion: number | null
              latestVersion: number
              createdAt: string
              updatedAt: string
              version: components['schemas']['ResourceVersion']
              versions: components['schemas']['VersionSummary'][]
              reviews: components['schemas']['ReviewEntry'][]
              actions: string[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/resources/{code}/withdraw': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Withdraw a submission (撤回)
     * @description Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string
              department: {
                id: string
                code: string
                name: string
              }
              /** @enum {unknown} */
              status: 'draft' | 'submitted' | 'returned' | 'published' | 'retired'
              workingStatus: ('draft' | 'submitted' | 'returned') | null
              publishedVersion: number | null
              latestVersion: number
              createdAt: string
              updatedAt: string
              version: components['schemas']['ResourceVersion']
              versions: components['schemas']['VersionSummary'][]
              reviews: components['schemas']['ReviewEntry'][]
              actions: string[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/resources/{code}/approve': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Approve and publish (审核通过)
     * @description Access: dataoffice (数据主管部门).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            comment?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string
              department: {
                id: string
                code: string
                name: string
              }
              /** @enum {unknown} */
              status: 'draft' | 'submitted' | 'returned' | 'published' | 'retired'
              workingStatus: ('draft' | 'submitted' | 'returned') | null
              publishedVersion: number | null
              latestVersion: number
              createdAt: string
              updatedAt: string
              version: components['schemas']['ResourceVersion']
              versions: components['schemas']['VersionSummary'][]
              reviews: components['schemas']['ReviewEntry'][]
              actions: string[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/resources/{code}/return': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Return for changes with a reason (退回修改)
     * @description Access: dataoffice (数据主管部门).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            reason: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string
              department: {
                id: string
                code: string
                name: string
              }
              /** @enum {unknown} */
              status: 'draft' | 'submitted' | 'returned' | 'published' | 'retired'
              workingStatus: ('draft' | 'submitted' | 'returned') | null
              publishedVersion: number | null
              latestVersion: number
              createdAt: string
              updatedAt: string
              version: components['schemas']['ResourceVersion']
              versions: components['schemas']['VersionSummary'][]
              reviews: components['schemas']['ReviewEntry'][]
              actions: string[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/resources/{code}/retire': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Retire a published resource (停用)
     * @description Access: steward (部门数据管理员), dataoffice (数据主管部门).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            reason: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string
              department: {
                id: string
                code: string
                name: string
              }
              /** @enum {unknown} */
              status: 'draft' | 'submitted' | 'returned' | 'published' | 'retired'
              workingStatus: ('draft' | 'submitted' | 'returned') | null
              publishedVersion: number | null
              latestVersion: number
              createdAt: string
              updatedAt: string
              version: components['schemas']['ResourceVersion']
              versions: components['schemas']['VersionSummary'][]
              reviews: components['schemas']['ReviewEntry'][]
              actions: string[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/template': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Download the catalog import template (目录导入模板)
     * @description One row per data item, the resource columns repeated; the XLSX has a second sheet explaining each column.
     *
     *     Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: {
          format?: 'xlsx' | 'csv'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/export': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Export published entries matching a search (目录导出)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: {
          /** @description Chinese words, pinyin (renkou) or initials (rkjc); several terms must all match */
          q?: string
          /** @description provider department codes */
          department?: string[]
          /** @description base / theme / department */
          classification?: string[]
          /** @description base kind or theme codes */
          category?: string[]
          /** @description unconditional / conditional / none */
          shareType?: string[]
          /** @description true / false */
          open?: string[]
          /** @description 格式分类 */
          formatClass?: string[]
          /** @description 更新周期 */
          updateCycle?: string[]
          sort?: 'relevance' | 'published' | '-published' | 'name' | '-name' | 'code' | '-code' | 'department' | '-department'
          limit?: number
          offset?: number
          format?: 'xlsx' | 'csv'
          /** @description CSV only */
          encoding?: 'utf-8' | 'gbk'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/catalog/import': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Import my department’s entries from the catalog spreadsheet, atomically (目录导入)
     * @description Send the XLSX or CSV file (UTF-8, GBK or GB18030) as the request body with Content-Type text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet or application/octet-stream. Any bad row refuses the whole file; the problem lists every row and column.
     *
     *     Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: {
          /** @description submit the imported drafts for review */
          submit?: boolean
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              created: string[]
              updated: string[]
              unchanged: string[]
              submitted: string[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/requests': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Sharing requests: made by my department, received by it, or all (data office)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员), dataoffice (数据主管部门).
     */
    get: {
      parameters: {
        query?: {
          direction?: 'incoming' | 'outgoing' | 'all'
          status?: 'pending' | 'approved' | 'refused' | 'cancelled'
          overdue?: boolean
          limit?: number
          offset?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['SharingRequest'][]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    /**
     * Request access to a resource for my department (申请共享)
     * @description Unconditionally shared items are granted at once; conditional ones wait for the provider, who answers within 10 working days.
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description catalog code, e.g. 101/000001 */
            resource: string
            items: components['schemas']['GrantItem'][]
            operations: ('lookup' | 'verify' | 'query' | 'subscribe' | 'export')[]
            /** @description 用途 */
            purpose: string
            /** @description 依据 */
            legalBasis: string
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            validFrom?: string
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            validUntil: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              resourceCode: string
              resourceName: string
              shareType: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              requestedBy: string
              items: components['schemas']['GrantItem'][]
              operations: ('lookup' | 'verify' | 'query' | 'subscribe' | 'export')[]
              purpose: string
              legalBasis: string
              validFrom: string
              validUntil: string
              /** @enum {unknown} */
              status: 'pending' | 'approved' | 'refused' | 'cancelled'
              deadline: string
              overdue: boolean
              decidedBy: string | null
              decidedAt: string | null
              decisionReason: string | null
              grantId: string | null
              createdAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/requests/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * One sharing request
     * @description Access: consumer (部门业务人员), steward (部门数据管理员), dataoffice (数据主管部门).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              resourceCode: string
              resourceName: string
              shareType: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              requestedBy: string
              items: components['schemas']['GrantItem'][]
              operations: ('lookup' | 'verify' | 'query' | 'subscribe' | 'export')[]
              purpose: string
              legalBasis: string
              validFrom: string
              validUntil: string
              /** @enum {unknown} */
              status: 'pending' | 'approved' | 'refused' | 'cancelled'
              deadline: string
              overdue: boolean
              decidedBy: string | null
              decidedAt: string | null
              decisionReason: string | null
              grantId: string | null
              createdAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/requests/{id}/approve': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Approve, possibly narrowing items, operations or period (同意)
     * @description Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            items?: components['schemas']['GrantItem'][]
            operations?: ('lookup' | 'verify' | 'query' | 'subscribe' | 'export')[]
            /**
             * Format: date
             * @description YYYY-MM-DD
             */
            validUntil?: string
            /** @description reads a minute per node; 0 for none */
            rateLimit?: number
            comment?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              resourceCode: string
              resourceName: string
              shareType: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              requestedBy: string
              items: components['schemas']['GrantItem'][]
              operations: ('lookup' | 'verify' | 'query' | 'subscribe' | 'export')[]
              purpose: string
              legalBasis: string
              validFrom: string
              validUntil: string
              /** @enum {unknown} */
              status: 'pending' | 'approved' | 'refused' | 'cancelled'
              deadline: string
              overdue: boolean
              decidedBy: string | null
              decidedAt: string | null
              decisionReason: string | null
              grantId: string | null
              createdAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/requests/{id}/refuse': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Refuse with a reason (不同意)
     * @description Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            reason: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              resourceCode: string
              resourceName: string
              shareType: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              requestedBy: string
              items: components['schemas']['GrantItem'][]
              operations: ('lookup' | 'verify' | 'query' | 'subscribe' | 'export')[]
              purpose: string
              legalBasis: string
              validFrom: string
              validUntil: string
              /** @enum {unknown} */
              status: 'pending' | 'approved' | 'refused' | 'cancelled'
              deadline: string
              overdue: boolean
              decidedBy: string | null
              decidedAt: string | null
              decisionReason: string | null
              grantId: string | null
              createdAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/requests/{id}/cancel': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Withdraw my department’s pending request (撤回申请)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              resourceCode: string
              resourceName: string
              shareType: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              requestedBy: string
              items: components['schemas']['GrantItem'][]
              operations: ('lookup' | 'verify' | 'query' | 'subscribe' | 'export')[]
              purpose: string
              legalBasis: string
              validFrom: string
              validUntil: string
              /** @enum {unknown} */
              status: 'pending' | 'approved' | 'refused' | 'cancelled'
              deadline: string
              overdue: boolean
              decidedBy: string | null
              decidedAt: string | null
              decisionReason: string | null
              grantId: string | null
              createdAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/grants': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Grants: to my department (incoming), given by it (outgoing), or all (data office)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员), dataoffice (数据主管部门).
     */
    get: {
      parameters: {
        query?: {
          direction?: 'incoming' | 'outgoing' | 'all'
          status?: 'active' | 'revoked'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Grant'][]
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/grants/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * One grant
     * @description Access: consumer (部门业务人员), steward (部门数据管理员), dataoffice (数据主管部门).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              resourceId: string
              resourceCode: string
              resourceName: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              requestId: string | null
              items: components['schemas']['GrantItem'][]
              operations: ('lookup' | 'verify' | 'query' | 'subscribe' | 'export')[]
              purpose: string
              validFrom: string
              validUntil: string
              rateLimit: number
              /** @enum {unknown} */
              status: 'active' | 'revoked'
              effective: boolean
              grantedBy: string
              createdAt: string
              revokedAt: string | null
              revokedBy: string | null
              revokeReason: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/grants/{id}/revoke': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Revoke a grant; reads stop (撤销授权)
     * @description Access: steward (部门数据管理员), dataoffice (数据主管部门).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            reason: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              resourceId: string
              resourceCode: string
              resourceName: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              requestId: string | null
              items: components['schemas']['GrantItem'][]
              operations: ('lookup' | 'verify' | 'query' | 'subscribe' | 'export')[]
              purpose: string
              validFrom: string
              validUntil: string
              rateLimit: number
              /** @enum {unknown} */
              status: 'active' | 'revoked'
              effective: boolean
              grantedBy: string
              createdAt: string
              revokedAt: string | null
              revokedBy: string | null
              revokeReason: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/objections': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Objections my department raised (outgoing), received (incoming), or all (data office)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员), dataoffice (数据主管部门).
     */
    get: {
      parameters: {
        query?: {
          direction?: 'incoming' | 'outgoing' | 'all'
          status?: 'open' | 'answered'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Objection'][]
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    /**
     * Flag a record as wrong (提出数据异议)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            resource: string
            recordKey: string
            note: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              resourceCode: string
              resourceName: string
              provider: {
                code: string
                name: string
              }
              consumer: {
                code: string
                name: string
              }
              recordKey: string
              note: string
              raisedBy: string
              /** @enum {unknown} */
              status: 'open' | 'answered'
              answer: string | null
              answeredBy: string | null
              answeredAt: string | null
              createdAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/objections/{id}/answer': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Answer an objection (答复异议)
     * @description Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            answer: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              resourceCode: string
              resourceName: string
              provider: {
                code: string
                name: string
              }
              consumer: {
                code: string
                name: string
              }
              recordKey: string
              note: string
              raisedBy: string
              /** @enum {unknown} */
              status: 'open' | 'answered'
              answer: string | null
              answeredBy: string | null
              answeredAt: string | null
              createdAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/stats': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Requests, approval time in working days, grants, reads, records delivered, sharing rate (共享统计)
     * @description Access: dataoffice (数据主管部门), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              sharingRate: {
                shared: number
                published: number
                /** @description published resources shared with another department ÷ published */
                rate: number
                target: number
              }
              requests: {
                total: number
                pending: number
                approved: number
                refused: number
                overdue: number
                averageApprovalWorkingDays: number | null
              }
              grants: {
                active: number
                total: number
              }
              reads: {
                total: number
                records: number
              }
              objections: {
                open: number
                answered: number
              }
              byResource: {
                code: string
                name: string
                provider: {
                  code: string
                  name: string
                }
                requests: number
                approved: number
                refused: number
                pending: number
                grants: number
                reads: number
                records: number
                averageApprovalWorkingDays: number | null
              }[]
              byDepartment: {
                code: string
                name: string
                asProvider: {
                  requests: number
                  approved: number
                  refused: number
                  pending: number
                  grants: number
                  reads: number
                  records: number
                  averageApprovalWorkingDays: number | null
                }
                asConsumer: {
                  requests: number
                  approved: number
                  refused: number
                  pending: number
                  grants: number
                  reads: number
                  records: number
                  averageApprovalWorkingDays: number | null
                }
              }[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/resources/{code}/records/{key}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Look a record up by its key (按键查询); composite keys joined by |
     * @description Through the access gate: granted items only, masked where granted masked, audited. State the purpose of this read in the X-Huitong-Purpose header (URL-encoded).
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
          key: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              [key: string]: string | number | boolean | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/resources/{code}/records': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Query records: filter.<item>=value (value* for a prefix), sort, paging (条件查询)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          /** @description item key, - for descending */
          sort?: string
          limit?: number
          offset?: number
        }
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                [key: string]: string | number | boolean | null
              }[]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/resources/{code}/verify': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Verify submitted values against a record without seeing it (核验)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            key: string
            fields: {
              [key: string]: string
            }
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              found: boolean
              fields: {
                [key: string]: 'match' | 'mismatch' | 'absent'
              }
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/resources/{code}/changes': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Changes after a sequence number; deletions as tombstones (变更订阅)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          after?: number
          limit?: number
        }
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              changes: components['schemas']['Change'][]
              next: number
              lastSeq: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/datasets/{code}/batches': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Publish a batch of upserts and deletes, atomically and idempotently (发布数据)
     * @description Every record is validated against the resource’s items; any bad row refuses the whole batch, listing every bad row and field. Sending a batch id again returns its first result.
     *
     *     Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description your id for this batch: sending it again changes nothing */
            batchId: string
            upserts?: {
              [key: string]: unknown
            }[]
            /** @description records named by their key items */
            deletes?: {
              [key: string]: unknown
            }[]
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              batchId: string
              upserted: number
              deleted: number
              unchanged: number
              fromSeq: number
              toSeq: number
              replayed: boolean
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/datasets/{code}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * My department’s dataset: record count and last change (数据集概况)
     * @description Access: steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string
              name: string
              keyItems: string[]
              lastSeq: number
              recordCount: number
              updatedAt: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/datasets/{code}/records/{key}/history': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * A record’s history, newest first (历史记录)
     * @description Access: steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
          key: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Change'][]
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/datasets/{code}/uploads': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Upload a CSV (UTF-8, GBK or GB18030, detected) or XLSX file of records, as a job (上传数据文件)
     * @description Columns are headed by item key or item name. Follow the job at /api/v1/jobs/{id}; a rejected file has a downloadable report of every bad row at /api/v1/exchange/files/{jobId}. The same file again changes nothing.
     *
     *     Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: {
          batchId?: string
          fileName?: string
        }
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              type: string
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
              progress: number
              progressMessage: string | null
              result: unknown
              error: string | null
              attempts: number
              maxAttempts: number
              createdAt: string
              updatedAt: string
              finishedAt: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/resources/{code}/exports': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Export granted records to CSV or XLSX, as a job through the gate (批量导出)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description catalog code, e.g. 101-000001 or 101%2F000001 */
          code: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /**
             * @default xlsx
             * @enum {unknown}
             */
            format?: 'csv' | 'xlsx'
            /**
             * @default utf-8
             * @enum {unknown}
             */
            encoding?: 'utf-8' | 'gbk'
            filters?: {
              key: string
              value: string
            }[]
          }
        }
      }
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              type: string
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
              progress: number
              progressMessage: string | null
              result: unknown
              error: string | null
              attempts: number
              maxAttempts: number
              createdAt: string
              updatedAt: string
              finishedAt: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/files/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Download a job’s file: an export, or an upload’s error report (下载文件)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/subscriptions': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * My department’s subscriptions, and for stewards those to its resources (订阅列表)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          status?: 'active' | 'paused' | 'cancelled'
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              resourceCode: string
              resourceName: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              grantId: string
              /**
               * @description outgoing: my department subscribed; incoming: a subscription to my department’s resource
               * @enum {unknown}
               */
              direction: 'incoming' | 'outgoing'
              /** @description pull cursor: the last sequence number acknowledged */
              cursor: number
              webhookUrl: string | null
              /** @description the last sequence number a webhook receiver answered 2xx for */
              webhookCursor: number
              /** @enum {unknown} */
              status: 'active' | 'paused' | 'cancelled'
              consecutiveFailures: number
              createdBy: string
              createdAt: string
              updatedAt: string
            }[]
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    /**
     * Subscribe my department to a resource’s changes (订阅变更)
     * @description Needs a grant with the subscribe operation. With a webhookUrl, changes are pushed signed with HMAC-SM3; the secret is in this response only and is never shown again. A loopback, private, link-local or metadata address, or a name resolving to one, is refused (422 HT_WEBHOOK_TARGET_REFUSED) unless the operator allows it (HUITONG_WEBHOOK_ALLOW). See docs/webhooks.md.
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description catalog code, e.g. 202/000001 */
            resource: string
            name: string
            webhookUrl?: string | null
            /**
             * @description start: every change since the first; now: only changes from now on
             * @default start
             * @enum {unknown}
             */
            from?: 'start' | 'now'
          }
        }
      }
      responses: {
        /** @description Default Response */
        201: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              subscription: {
                id: string
                name: string
                resourceCode: string
                resourceName: string
                provider: {
                  id: string
                  code: string
                  name: string
                }
                consumer: {
                  id: string
                  code: string
                  name: string
                }
                grantId: string
                /**
                 * @description outgoing: my department subscribed; incoming: a subscription to my department’s resource
                 * @enum {unknown}
                 */
                direction: 'incoming' | 'outgoing'
                /** @description pull cursor: the last sequence number acknowledged */
                cursor: number
                webhookUrl: string | null
                /** @description the last sequence number a webhook receiver answered 2xx for */
                webhookCursor: number
                /** @enum {unknown} */
                status: 'active' | 'paused' | 'cancelled'
                consecutiveFailures: number
                createdBy: string
                createdAt: string
                updatedAt: string
              }
              secret: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        422: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/subscriptions/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * One subscription (订阅详情)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              resourceCode: string
              resourceName: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              grantId: string
              /**
               * @description outgoing: my department subscribed; incoming: a subscription to my department’s resource
               * @enum {unknown}
               */
              direction: 'incoming' | 'outgoing'
              /** @description pull cursor: the last sequence number acknowledged */
              cursor: number
              webhookUrl: string | null
              /** @description the last sequence number a webhook receiver answered 2xx for */
              webhookCursor: number
              /** @enum {unknown} */
              status: 'active' | 'paused' | 'cancelled'
              consecutiveFailures: number
              createdBy: string
              createdAt: string
              updatedAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    /**
     * Cancel a subscription; its delivery log stays (取消订阅)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              resourceCode: string
              resourceName: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              grantId: string
              /**
               * @description outgoing: my department subscribed; incoming: a subscription to my department’s resource
               * @enum {unknown}
               */
              direction: 'incoming' | 'outgoing'
              /** @description pull cursor: the last sequence number acknowledged */
              cursor: number
              webhookUrl: string | null
              /** @description the last sequence number a webhook receiver answered 2xx for */
              webhookCursor: number
              /** @enum {unknown} */
              status: 'active' | 'paused' | 'cancelled'
              consecutiveFailures: number
              createdBy: string
              createdAt: string
              updatedAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/subscriptions/{id}/changes': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Changes after the acknowledged cursor, or after `after`; deletions as tombstones (拉取变更)
     * @description Through the access gate with my department’s grants. Reading does not move the cursor: acknowledge what was processed.
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          /** @description defaults to the acknowledged cursor */
          after?: number
          limit?: number
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              changes: components['schemas']['Change'][]
              next: number
              lastSeq: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/subscriptions/{id}/ack': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Acknowledge changes up to a sequence number; the cursor never moves back (确认)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description the last change processed */
            seq: number
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              resourceCode: string
              resourceName: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              grantId: string
              /**
               * @description outgoing: my department subscribed; incoming: a subscription to my department’s resource
               * @enum {unknown}
               */
              direction: 'incoming' | 'outgoing'
              /** @description pull cursor: the last sequence number acknowledged */
              cursor: number
              webhookUrl: string | null
              /** @description the last sequence number a webhook receiver answered 2xx for */
              webhookCursor: number
              /** @enum {unknown} */
              status: 'active' | 'paused' | 'cancelled'
              consecutiveFailures: number
              createdBy: string
              createdAt: string
              updatedAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/subscriptions/{id}/replay': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Start again from a sequence number, pull and webhook alike; resumes a paused subscription (重放)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            /** @description the first change to send again */
            fromSeq: number
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              resourceCode: string
              resourceName: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              grantId: string
              /**
               * @description outgoing: my department subscribed; incoming: a subscription to my department’s resource
               * @enum {unknown}
               */
              direction: 'incoming' | 'outgoing'
              /** @description pull cursor: the last sequence number acknowledged */
              cursor: number
              webhookUrl: string | null
              /** @description the last sequence number a webhook receiver answered 2xx for */
              webhookCursor: number
              /** @enum {unknown} */
              status: 'active' | 'paused' | 'cancelled'
              consecutiveFailures: number
              createdBy: string
              createdAt: string
              updatedAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/subscriptions/{id}/pause': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Pause webhook pushes (暂停推送)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              resourceCode: string
              resourceName: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              grantId: string
              /**
               * @description outgoing: my department subscribed; incoming: a subscription to my department’s resource
               * @enum {unknown}
               */
              direction: 'incoming' | 'outgoing'
              /** @description pull cursor: the last sequence number acknowledged */
              cursor: number
              webhookUrl: string | null
              /** @description the last sequence number a webhook receiver answered 2xx for */
              webhookCursor: number
              /** @enum {unknown} */
              status: 'active' | 'paused' | 'cancelled'
              consecutiveFailures: number
              createdBy: string
              createdAt: string
              updatedAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/subscriptions/{id}/resume': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Resume webhook pushes where they stopped (恢复推送)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              name: string
              resourceCode: string
              resourceName: string
              provider: {
                id: string
                code: string
                name: string
              }
              consumer: {
                id: string
                code: string
                name: string
              }
              grantId: string
              /**
               * @description outgoing: my department subscribed; incoming: a subscription to my department’s resource
               * @enum {unknown}
               */
              direction: 'incoming' | 'outgoing'
              /** @description pull cursor: the last sequence number acknowledged */
              cursor: number
              webhookUrl: string | null
              /** @description the last sequence number a webhook receiver answered 2xx for */
              webhookCursor: number
              /** @enum {unknown} */
              status: 'active' | 'paused' | 'cancelled'
              consecutiveFailures: number
              createdBy: string
              createdAt: string
              updatedAt: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        409: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/exchange/subscriptions/{id}/deliveries': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Webhook deliveries, newest first; the consumer and the provider both see them (推送记录)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          limit?: number
          offset?: number
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                id: string
                fromSeq: number
                toSeq: number
                changes: number
                attempt: number
                /** @enum {unknown} */
                status: 'delivered' | 'failed'
                httpStatus: number | null
                error: string | null
                durationMs: number
                at: string
              }[]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/notifications': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * My messages, newest first (消息)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: {
          unread?: boolean
          limit?: number
          offset?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['Notification'][]
              total: number
              unread: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/notifications/read': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Mark messages read (标记已读)
     * @description Access: any signed-in user or API client.
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            ids?: string[]
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              marked: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/calendar': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Working days between two dates (工作日历)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query: {
          /** @description YYYY-MM-DD */
          from: string
          /** @description YYYY-MM-DD */
          to: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['CalendarDay'][]
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/calendar/overrides': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Days the administrator has set by hand (日历调整)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['CalendarOverride'][]
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/calendar/overrides/{date}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    /**
     * Set a day as working or not, e.g. from next year’s holiday schedule (设置工作日/节假日)
     * @description Access: sysadmin (系统管理员).
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description YYYY-MM-DD */
          date: string
        }
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            working: boolean
            note: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    post?: never
    /**
     * Remove an override (删除调整)
     * @description Access: sysadmin (系统管理员).
     */
    delete: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description YYYY-MM-DD */
          date: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        204: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/binding': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The catalog entry the population registry serves (人口库对应的目录)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    /**
     * Bind the registry to the published catalog entry it serves (关联人口库目录)
     * @description Access: dataoffice (数据主管部门).
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            code: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              registry: string
              code: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/persons/{residentId}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Look a person up by resident ID, through the gate (按身份证号码查询)
     * @description Granted items only, masked as granted, audited. `asOf` reads the record as the registry held it at the end of that day. State the purpose in the X-Huitong-Purpose header (URL-encoded).
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          /** @description YYYY-MM-DD */
          asOf?: string
        }
        header?: never
        path: {
          /** @description 18-character resident ID (15-digit and full-width forms are normalised) */
          residentId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description A record: granted items only, masked where granted masked */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              [key: string]: string | number | boolean | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/persons': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Search persons by name and date of birth, through the gate (按姓名和出生日期查询)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query: {
          name: string
          /** @description YYYY-MM-DD */
          birthDate?: string
          limit?: number
          offset?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                [key: string]: string | number | boolean | null
              }[]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/persons/{residentId}/profile': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Person profile: the core and the granted attachments (一人一档)
     * @description Every attachment read passes the gate and is audited; attachments without a grant are listed by name only (granted: false).
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description 18-character resident ID (15-digit and full-width forms are normalised) */
          residentId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              residentId: string
              /** @description A record: granted items only, masked where granted masked */
              person: {
                [key: string]: string | number | boolean | null
              }
              attachments: components['schemas']['Attachment'][]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/persons/{residentId}/history': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * A person’s change history, newest first, through the gate (变更历史)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description 18-character resident ID (15-digit and full-width forms are normalised) */
          residentId: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['PersonHistoryEntry'][]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/verify': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Verify records against the registry without seeing it (身份核验)
     * @description Per record: whether the ID is valid (or why not, and its normalised 18-character form), whether the registry knows it, per submitted field match / mismatch / absent, and status flags when the caller may see the status item. Names compare ignoring width, spaces, middle-dot variants and traditional/simplified characters.
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            records: {
              residentId: string
              name?: string
              formerName?: string
              gender?: string
              birthDate?: string
              ethnicGroup?: string
              householdDivision?: string
              householdAddress?: string
              residenceAddress?: string
            }[]
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              results: components['schemas']['PersonVerifyOutcome'][]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/events': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Apply deaths, moves out of the city, cancellations and restorations (死亡、迁出、注销事件)
     * @description All or nothing; each event lands in the person’s history with its effective date. Only the registry’s provider department.
     *
     *     Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            events: {
              residentId: string
              /** @enum {unknown} */
              type: 'death' | 'move-out' | 'cancel' | 'restore'
              date: string
            }[]
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              created: number
              updated: number
              unchanged: number
              fromSeq: number
              toSeq: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/imports': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Import persons from CSV (UTF-8 / GBK / GB18030, detected) or XLSX, as a job (导入人口数据)
     * @description Columns by key or Chinese header (公民身份号码, 姓名, 性别, 民族, 出生日期, 户籍地行政区划, 户籍地址; optional 曾用名, 居住地址, 人员状态, 死亡日期, 迁出日期). Upsert by resident ID; the same file again changes nothing. Rejected rows are listed at /population/imports/{jobId}/rejections. Follow the job at /jobs/{id}.
     *
     *     Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: {
          fileName?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              type: string
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
              progress: number
              progressMessage: string | null
              result: unknown
              error: string | null
              attempts: number
              maxAttempts: number
              createdAt: string
              updatedAt: string
              finishedAt: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/imports/{id}/rejections': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Download an import’s rejected rows with reasons (下载被拒绝的行)
     * @description Access: steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'xlsx'
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/comparisons/preview': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Upload a file to compare and see its columns (上传比对文件)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: {
          fileName?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              uploadId: string
              fileName: string
              /** @enum {unknown} */
              format: 'csv' | 'xlsx'
              encoding: string | null
              headers: string[]
              sample: string[][]
              suggested: {
                residentId?: string
                name?: string
                gender?: string
                birthDate?: string
              }
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/comparisons': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Your department’s comparisons, newest first (本部门比对记录)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          limit?: number
          offset?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['Comparison'][]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    /**
     * Compare an uploaded file against the registry, as a job (批量比对)
     * @description Needs a verify grant covering the mapped items. Follow the job at /jobs/{id}; the report at /population/comparisons/{id}.
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            uploadId: string
            fileName: string
            mapping: {
              residentId: string
              name?: string
              gender?: string
              birthDate?: string
            }
            /** @description YYYY-MM-DD */
            deceasedBefore?: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              type: string
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
              progress: number
              progressMessage: string | null
              result: unknown
              error: string | null
              attempts: number
              maxAttempts: number
              createdAt: string
              updatedAt: string
              finishedAt: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/comparisons/{id}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * A comparison’s status and counts (比对结果)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
              progress: number
              message: string | null
              error: string | null
              fileName: string
              createdBy: string
              createdAt: string
              finishedAt: string | null
              deceasedBefore: string | null
              mapping: {
                residentId: string
                name?: string
                gender?: string
                birthDate?: string
              }
              counts: components['schemas']['ComparisonCounts'] | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/comparisons/{id}/rows': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The rows of a comparison that are not ok, by outcome (比对问题明细)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          outcome?: 'invalid-id' | 'not-found' | 'deceased' | 'moved-out' | 'cancelled' | 'name-mismatch' | 'field-mismatch'
          limit?: number
          offset?: number
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['ComparisonRow'][]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/comparisons/{id}/report': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Download a comparison’s full report (下载比对报告)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'xlsx'
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/population/statistics': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Population statistics: districts, age pyramid, gender, ethnic groups, status (人口统计)
     * @description Aggregates only, no person’s data.
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员), dataoffice (数据主管部门).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              total: number
              living: number
              byDistrict: {
                division: string
                name: string
                count: number
              }[]
              byGender: {
                gender: string
                count: number
              }[]
              byStatus: {
                status: string
                count: number
              }[]
              byEthnicGroup: {
                ethnicGroup: string
                count: number
              }[]
              pyramid: {
                group: string
                male: number
                female: number
              }[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/legal-persons/binding': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * The catalog entry the legal-person registry serves (法人库对应的目录)
     * @description Access: any signed-in user or API client.
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              code: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    /**
     * Bind the registry to the published catalog entry it serves (关联法人库目录)
     * @description Access: dataoffice (数据主管部门).
     */
    put: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            code: string
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              registry: string
              code: string
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/legal-persons/statistics': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Legal-person statistics: industry, status, district, establishment trend (法人统计)
     * @description Aggregates only.
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员), dataoffice (数据主管部门).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              total: number
              byIndustry: {
                section: string
                name: string
                count: number
              }[]
              byStatus: {
                status: string
                name: string
                count: number
              }[]
              byDistrict: {
                division: string
                name: string
                count: number
              }[]
              byYear: {
                year: number
                count: number
              }[]
              bySource: {
                source: string
                count: number
              }[]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/legal-persons': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Search entities by name: substring, words in any order, pinyin or initials, credit-code prefix; ranked (名称检索)
     * @description Best first; `total` counts the matches up to 10 000, and pages end there. Former names are searched only for a caller granted `former_name` in clear. While the node is still building its name index after a start, the answer is `503` with a `Retry-After` header.
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query: {
          q: string
          limit?: number
          offset?: number
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: {
                [key: string]: string | number | boolean | null
              }[]
              total: number
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        503: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/legal-persons/{creditCode}': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Look an entity up by credit code, through the gate (按统一社会信用代码查询)
     * @description Granted items only, masked as granted, audited. `asOf` reads the entity as the registry held it at the end of that day.
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          /** @description YYYY-MM-DD */
          asOf?: string
        }
        header?: never
        path: {
          /** @description 18-character unified social credit code; a 15-digit registration number or 9-character organisation code is resolved where known */
          creditCode: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description An entity: granted items only, masked where granted masked */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              [key: string]: string | number | boolean | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/legal-persons/{creditCode}/profile': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Entity profile: the core and the granted attachments (一企一档)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description 18-character unified social credit code; a 15-digit registration number or 9-character organisation code is resolved where known */
          creditCode: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              creditCode: string
              /** @description An entity: granted items only, masked where granted masked */
              entity: {
                [key: string]: string | number | boolean | null
              }
              attachments: components['schemas']['Attachment'][]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/legal-persons/{creditCode}/history': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * An entity’s change record, newest first, through the gate (变更记录)
     * @description Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: never
        header?: never
        path: {
          /** @description 18-character unified social credit code; a 15-digit registration number or 9-character organisation code is resolved where known */
          creditCode: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              items: components['schemas']['EntityHistoryEntry'][]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/legal-persons/verify': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Verify entities against the registry without seeing it (主体核验)
     * @description Per record: whether the credit code is valid (or why not), whether the registry knows it, and per submitted field match / mismatch / absent; status flags when the caller may see the status item.
     *
     *     Access: consumer (部门业务人员), steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: never
        header?: never
        path?: never
        cookie?: never
      }
      requestBody: {
        content: {
          'application/json': {
            records: {
              creditCode: string
              name?: string
              legalRepresentative?: string
              representativeId?: string
              establishedOn?: string
              domicile?: string
            }[]
          }
        }
      }
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              results: components['schemas']['EntityVerifyOutcome'][]
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        429: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/legal-persons/imports': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    get?: never
    put?: never
    /**
     * Import entities from CSV (UTF-8 / GBK / GB18030, detected) or XLSX, as a job (导入法人数据)
     * @description Columns by key or Chinese header. Upsert by credit code; each change becomes a change-record entry and reaches subscribers through the change feed. Rejected rows at /legal-persons/imports/{jobId}/rejections.
     *
     *     Access: steward (部门数据管理员).
     */
    post: {
      parameters: {
        query?: {
          fileName?: string
        }
        header?: never
        path?: never
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        202: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': {
              id: string
              type: string
              /** @enum {unknown} */
              status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
              progress: number
              progressMessage: string | null
              result: unknown
              error: string | null
              attempts: number
              maxAttempts: number
              createdAt: string
              updatedAt: string
              finishedAt: string | null
            }
          }
        }
        /** @description Default Response */
        400: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        401: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        403: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
        /** @description Default Response */
        404: {
          headers: {
            [name: string]: unknown
          }
          content: {
            'application/json': components['schemas']['Problem']
          }
        }
      }
    }
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
  '/api/v1/legal-persons/imports/{id}/rejections': {
    parameters: {
      query?: never
      header?: never
      path?: never
      cookie?: never
    }
    /**
     * Download an import’s rejected rows with reasons (下载被拒绝的行)
     * @description Access: steward (部门数据管理员).
     */
    get: {
      parameters: {
        query?: {
          format?: 'csv' | 'xlsx'
        }
        header?: never
        path: {
          id: string
        }
        cookie?: never
      }
      requestBody?: never
      responses: {
        /** @description Default Response */
        200: {
          headers: {
            [name: string]: unknown
          }
          content?: never
        }
      }
    }
    put?: never
    post?: never
    delete?: never
    options?: never
    head?: never
    patch?: never
    trace?: never
  }
}
export type webhooks = Record<string, never>
export interface components {
  schemas: {
    Problem: {
      type: string
      title: string
      status: number
      /** @description Stable error code, e.g. HT_VALIDATION */
      code: string
      detail: string
      instance?: string
      errors?: {
        field: string
        message: string
        row?: number
      }[]
    } & {
      [key: string]: unknown
    }
    User: {
      id: string
      username: string
      displayName: string
      department: {
        id: string
        code: string
        name: string
      }
      roles: ('sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor')[]
      status: 'active' | 'disabled'
      createdAt: string
      updatedAt: string
    }
    RoleInfo: {
      /**
       * @description role
       * @enum {unknown}
       */
      role: 'sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor'
      zh: string
      en: string
    }
    Department: {
      id: string
      code: string
      name: string
      shortName: string
      nameEn: string
      parentId: string | null
      kind: 'city' | 'district'
      divisionCode: string | null
    }
    ApiClient: {
      id: string
      name: string
      department: {
        id: string
        code: string
        name: string
      }
      roles: ('sysadmin' | 'secadmin' | 'auditor' | 'dataoffice' | 'steward' | 'consumer' | 'approver' | 'supervisor')[]
      tokenPrefix: string
      createdBy: string
      createdAt: string
      expiresAt: string | null
      revokedAt: string | null
      lastUsedAt: string | null
    }
    AuditRecord: {
      seq: number
      occurredAt: string
      actorType: string
      actorId: string | null
      actorName: string | null
      departmentCode: string | null
      action: string
      target: string | null
      /** @enum {unknown} */
      outcome: 'success' | 'failure' | 'denied'
      requestId: string | null
      ip: string | null
      /** @description what the action concerned, as the action records it */
      detail: unknown
      hash: string
    }
    Job: {
      id: string
      type: string
      /** @enum {unknown} */
      status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
      progress: number
      progressMessage: string | null
      result: unknown
      error: string | null
      attempts: number
      maxAttempts: number
      createdAt: string
      updatedAt: string
      finishedAt: string | null
    }
    SearchDocument: {
      code: string
      name: string
      abstract: string
      department: {
        id: string
        code: string
        name: string
      }
      /** @enum {unknown} */
      classification: 'base' | 'theme' | 'department'
      category: string | null
      /** @enum {unknown} */
      formatClass: '电子文件' | '电子表格' | '数据库' | '图形图像' | '流媒体' | '自描述格式' | '服务接口'
      formatType: string
      /** @enum {unknown} */
      shareType: 'unconditional' | 'conditional' | 'none'
      open: boolean
      /** @enum {unknown} */
      updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual'
      tags: string[]
      itemCount: number
      version: number
      publishedAt: string
      updatedAt: string
    }
    ResourceRecord: {
      code: string
      department: {
        id: string
        code: string
        name: string
      }
      /** @enum {unknown} */
      status: 'draft' | 'submitted' | 'returned' | 'published' | 'retired'
      workingStatus: ('draft' | 'submitted' | 'returned') | null
      publishedVersion: number | null
      latestVersion: number
      name: string
      createdBy: string
      createdAt: string
      updatedAt: string
    }
    ResourceVersion: {
      id: string
      version: number
      /** @enum {unknown} */
      status: 'draft' | 'submitted' | 'returned' | 'published' | 'superseded' | 'retired'
      content: components['schemas']['ResourceContent']
      createdBy: string
      createdAt: string
      updatedAt: string
      submittedAt: string | null
      reviewedBy: string | null
      reviewedAt: string | null
      reviewComment: string | null
      publishedAt: string | null
    }
    ResourceContent: {
      /** @description 资源名称 */
      name: string
      /** @description 资源摘要 */
      abstract: string
      /**
       * @description base 基础 / theme 主题 / department 部门
       * @enum {unknown}
       */
      classification: 'base' | 'theme' | 'department'
      /** @description base kind or theme code; null for department resources */
      category: string | null
      /** @enum {unknown} */
      formatClass: '电子文件' | '电子表格' | '数据库' | '图形图像' | '流媒体' | '自描述格式' | '服务接口'
      formatType: string
      /** @enum {unknown} */
      shareType: 'unconditional' | 'conditional' | 'none'
      /** @description required when conditional */
      shareCondition: string
      /** @description required when not shared */
      legalBasis: string
      shareMethods: ('api' | 'file' | 'database')[]
      /** @description 是否向社会开放 */
      open: boolean
      openCondition: string
      /** @enum {unknown} */
      updateCycle: 'realtime' | 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'semiannual' | 'annual'
      publishDate: string | null
      relatedCodes: string[]
      /**
       * @description only non-secret resources may be registered
       * @enum {unknown}
       */
      secrecy: 'non-secret' | 'secret'
      tags: string[]
      items: components['schemas']['CatalogItem'][]
    }
    CatalogItem: {
      /** @description 信息项名称 */
      name: string
      /** @description field key: lower case letters, digits, _ */
      key: string
      /**
       * @description C 字符 N 数值 Y 货币 D 日期 T 日期时间 L 逻辑 M 备注 B 二进制 I 整型 F 浮点
       * @enum {unknown}
       */
      type: 'C' | 'N' | 'Y' | 'D' | 'T' | 'L' | 'M' | 'B' | 'I' | 'F'
      length: number | null
      required: boolean
      primaryKey: boolean
      /** @description sensitive personal information (敏感个人信息) */
      sensitive: boolean
      identifierKind: ('residentId' | 'creditCode' | 'divisionCode') | null
      /** @description a base item of a base-registry resource (基础信息项) */
      baseItem: boolean
      /** @description overrides the resource share type; null inherits it */
      shareType: ('unconditional' | 'conditional' | 'none') | null
      description: string
    }
    VersionSummary: {
      version: number
      /** @enum {unknown} */
      status: 'draft' | 'submitted' | 'returned' | 'published' | 'superseded' | 'retired'
      createdBy: string
      createdAt: string
      submittedAt: string | null
      reviewedBy: string | null
      reviewedAt: string | null
      reviewComment: string | null
      publishedAt: string | null
      name: string
    }
    ReviewEntry: {
      version: number
      action: string
      actorName: string
      departmentCode: string | null
      comment: string | null
      at: string
    }
    GrantItem: {
      key: string
      masked: boolean
    }
    SharingRequest: {
      id: string
      resourceCode: string
      resourceName: string
      shareType: string
      provider: {
        id: string
        code: string
        name: string
      }
      consumer: {
        id: string
        code: string
        name: string
      }
      requestedBy: string
      items: components['schemas']['GrantItem'][]
      operations: ('lookup' | 'verify' | 'query' | 'subscribe' | 'export')[]
      purpose: string
      legalBasis: string
      validFrom: string
      validUntil: string
      /** @enum {unknown} */
      status: 'pending' | 'approved' | 'refused' | 'cancelled'
      deadline: string
      overdue: boolean
      decidedBy: string | null
      decidedAt: string | null
      decisionReason: string | null
      grantId: string | null
      createdAt: string
    }
    Grant: {
      id: string
      resourceId: string
      resourceCode: string
      resourceName: string
      provider: {
        id: string
        code: string
        name: string
      }
      consumer: {
        id: string
        code: string
        name: string
      }
      requestId: string | null
      items: components['schemas']['GrantItem'][]
      operations: ('lookup' | 'verify' | 'query' | 'subscribe' | 'export')[]
      purpose: string
      validFrom: string
      validUntil: string
      rateLimit: number
      /** @enum {unknown} */
      status: 'active' | 'revoked'
      effective: boolean
      grantedBy: string
      createdAt: string
      revokedAt: string | null
      revokedBy: string | null
      revokeReason: string | null
    }
    Objection: {
      id: string
      resourceCode: string
      resourceName: string
      provider: {
        code: string
        name: string
      }
      consumer: {
        code: string
        name: string
      }
      recordKey: string
      note: string
      raisedBy: string
      /** @enum {unknown} */
      status: 'open' | 'answered'
      answer: string | null
      answeredBy: string | null
      answeredAt: string | null
      createdAt: string
    }
    Change: {
      seq: number
      key: string
      /** @enum {unknown} */
      op: 'upsert' | 'delete'
      data: {
        [key: string]: string | number | boolean | null
      } | null
      at: string
    }
    Notification: {
      id: string
      kind: string
      title: string
      body: string
      link: string | null
      createdAt: string
      readAt: string | null
    }
    CalendarDay: {
      date: string
      working: boolean
      /**
       * @description override: the administrator's; schedule: the State Council's; weekday: Monday to Friday
       * @enum {unknown}
       */
      source: 'override' | 'schedule' | 'weekday'
      name: string | null
    }
    CalendarOverride: {
      date: string
      working: boolean
      note: string
      updatedBy: string
      updatedAt: string
    }
    Attachment: {
      code: string
      name: string
      department: {
        code: string
        name: string
      }
      /** @description false: listed by name only, for want of a grant */
      granted: boolean
      records: {
        [key: string]: string | number | boolean | null
      }[]
      /** @description the items whose values come masked */
      masked: string[]
      /** @description the visible items with their names, in the entry's order */
      items: {
        key: string
        name: string
      }[]
    }
    PersonHistoryEntry: {
      seq: number
      /** @enum {unknown} */
      event: 'create' | 'update' | 'death' | 'move-out' | 'cancel' | 'restore'
      effectiveDate: string
      at: string
      changedBy: string
      source: string
      changes: {
        item: string
        before: string | null
        after: string | null
      }[]
    }
    PersonVerifyOutcome: {
      residentId: string
      /** @enum {unknown} */
      validity: 'valid' | 'empty' | 'length' | 'characters' | 'check' | 'birth-date' | 'future-birth-date' | 'address'
      message?: string
      /** @description the ID in its 18-character form, when it differs from what was submitted */
      normalisedId?: string
      found: boolean
      fields: {
        [key: string]: 'match' | 'mismatch' | 'absent'
      }
      /** @description only when the caller may read the status item */
      flags?: {
        deceased: boolean
        movedOut: boolean
        cancelled: boolean
      }
    }
    Comparison: {
      id: string
      /** @enum {unknown} */
      status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled'
      progress: number
      message: string | null
      error: string | null
      fileName: string
      createdBy: string
      createdAt: string
      finishedAt: string | null
      deceasedBefore: string | null
      mapping: {
        residentId: string
        name?: string
        gender?: string
        birthDate?: string
      }
      counts: components['schemas']['ComparisonCounts'] | null
    }
    ComparisonCounts: {
      total: number
      ok: number
      invalidId: number
      notFound: number
      nameMismatch: number
      fieldMismatch: number
      deceased: number
      movedOut: number
      cancelled: number
    }
    ComparisonRow: {
      /** @description the row number in the file; the header is row 1 */
      row: number
      residentId: string
      name: string
      /** @enum {unknown} */
      outcome: 'invalid-id' | 'not-found' | 'deceased' | 'moved-out' | 'cancelled' | 'name-mismatch' | 'field-mismatch'
      detail: string
    }
    EntityHistoryEntry: {
      seq: number
      /** @enum {unknown} */
      event: 'create' | 'update' | 'rename' | 'representative' | 'status'
      effectiveDate: string
      at: string
      changedBy: string
      source: string
      changes: {
        item: string
        before: string | null
        after: string | null
      }[]
    }
    EntityVerifyOutcome: {
      creditCode: string
      /** @enum {unknown} */
      validity: 'valid' | 'empty' | 'length' | 'characters' | 'check' | 'organisation-check' | 'authority'
      message?: string
      /** @description the code in its normal form, when it differs from what was submitted */
      normalisedCode?: string
      found: boolean
      fields: {
        [key: string]: 'match' | 'mismatch' | 'absent'
      }
      /** @description only when the caller may read the status item */
      flags?: {
        active: boolean
        revoked: boolean
        deregistered: boolean
        movedOut: boolean
      }
    }
  }
  responses: never
  parameters: never
  requestBodies: never
  headers: never
  pathItems: never
}
export type $defs = Record<string, never>
export type operations = Record<string, never>
