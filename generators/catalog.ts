// The catalog: the single source of truth for what can be generated. The CLI's choices, prompts
// and `--list`, the plop generators, every starter's README and the test matrix all read it.
// Ids are stable: they appear in generated code (`TODO(mistake:<id>)`), in generation records
// and in teachers' course files, so renaming one is a breaking change.

export const STAGE_IDS = ['beginner', 'intermediate', 'advanced'] as const;
export type StageId = (typeof STAGE_IDS)[number];

export const IDEA_IDS = [
  'todo-app',
  'notes-app',
  'blog',
  'auth-system',
  'expense-tracker',
  'ecommerce',
  'chat-server',
] as const;
export type IdeaId = (typeof IDEA_IDS)[number];

export interface Concept {
  id: string;
  title: string;
}

export interface Mistake {
  id: string;
  title: string;
  /** What goes wrong when a learner makes it: used in READMEs and TODO texts. */
  why: string;
}

export interface Stage {
  id: StageId;
  title: string;
  duration: string;
  concepts: readonly Concept[];
  outcomes: readonly string[];
  mistakes: readonly Mistake[];
}

export interface Idea {
  id: IdeaId;
  title: string;
  summary: string;
  /** The public API contract the idea follows at each stage, where one applies. */
  contracts: Partial<Record<StageId, string>>;
  /** Stages whose templates exist. The others are listed as planned and refused by the CLI. */
  available: readonly StageId[];
}

export const STAGES: readonly Stage[] = [
  {
    id: 'beginner',
    title: 'Beginner',
    duration: '4–6 weeks',
    concepts: [
      { id: 'backend-vs-frontend', title: 'Backend vs frontend' },
      { id: 'client-server', title: 'Client–server architecture' },
      { id: 'what-is-an-api', title: 'What an API is' },
      { id: 'http-methods', title: 'HTTP protocol and methods' },
      { id: 'request-response-cycle', title: 'The request–response cycle' },
      { id: 'rest-basics', title: 'REST API basics' },
      { id: 'status-codes', title: 'HTTP status codes' },
    ],
    outcomes: [
      'Understand backend fundamentals',
      'Build basic APIs with Node.js and Express',
      'Connect to a database (MongoDB)',
    ],
    mistakes: [
      {
        id: 'skipping-http-basics',
        title: 'Skipping HTTP and API basics',
        why: 'Every answer becomes 200 with a message, so clients cannot tell success from failure and caches, retries and tools misbehave.',
      },
      {
        id: 'unhandled-async',
        title: 'Not handling async properly',
        why: 'A promise nobody awaits fails silently or crashes the process later, far from its cause.',
      },
      {
        id: 'hardcoded-config',
        title: 'Hardcoding configuration values',
        why: 'Ports, URLs and credentials baked into code leak into git and cannot change between machines.',
      },
    ],
  },
  {
    id: 'intermediate',
    title: 'Intermediate',
    duration: '6–8 weeks',
    concepts: [
      { id: 'auth-jwt', title: 'Authentication and authorization (JWT)' },
      { id: 'db-relationships-indexing', title: 'Advanced database use: relationships, indexing' },
      { id: 'api-best-practices', title: 'API best practices' },
      { id: 'middleware-validation', title: 'Middleware and validation' },
      { id: 'uploads-external-services', title: 'Basic file uploads and external services' },
    ],
    outcomes: [
      'Build secure and scalable APIs',
      'Implement authentication with JWT',
      'Handle data validation, errors and environment configuration',
    ],
    mistakes: [
      {
        id: 'insecure-secrets',
        title: 'Storing secrets insecurely',
        why: 'A secret in code, in git or in a log is a secret everyone has; one leak signs tokens for any user.',
      },
      {
        id: 'poor-schema-design',
        title: 'Poor database schema design',
        why: 'Unbounded embedded arrays and missing indexes work on a laptop and fall over with real data.',
      },
      {
        id: 'weak-validation',
        title: 'Weak validation logic',
        why: 'Whatever the client sends ends up in the database: unknown fields, wrong types, other users’ ids.',
      },
    ],
  },
  {
    id: 'advanced',
    title: 'Advanced',
    duration: '8–12 weeks',
    concepts: [
      { id: 'caching-redis', title: 'Caching (Redis)' },
      { id: 'system-design', title: 'System design essentials' },
      { id: 'performance-scalability', title: 'Performance and scalability' },
      { id: 'security-owasp', title: 'Advanced security (OWASP)' },
      { id: 'testing-devops', title: 'Testing and DevOps basics (Docker, CI/CD)' },
    ],
    outcomes: [
      'Design backend systems for production',
      'Optimize performance',
      'Understand microservices vs monoliths',
    ],
    mistakes: [
      {
        id: 'ignoring-security',
        title: 'Ignoring security best practices',
        why: 'Broken object-level authorization, missing rate limits and leaked stack traces are the most exploited API flaws.',
      },
      {
        id: 'no-tests',
        title: 'Not writing tests',
        why: 'Without tests every change is a guess, and caching or security regressions reach users first.',
      },
      {
        id: 'overengineering',
        title: 'Overengineering early',
        why: 'Microservices, queues and clusters before there is load multiply the ways a small system fails.',
      },
    ],
  },
];

export const IDEAS: readonly Idea[] = [
  {
    id: 'todo-app',
    title: 'Todo app',
    summary: 'Basic CRUD API: a to-do list.',
    contracts: {
      beginner: 'Todo-Backend spec (todobackend.com)',
      intermediate: 'roadmap.sh Todo List API',
      advanced: 'roadmap.sh Todo List API',
    },
    available: ['beginner', 'intermediate', 'advanced'],
  },
  {
    id: 'notes-app',
    title: 'Notes app',
    summary: 'Basic CRUD API: notes.',
    contracts: { intermediate: 'roadmap.sh Markdown Note-taking App' },
    available: ['beginner', 'intermediate', 'advanced'],
  },
  {
    id: 'blog',
    title: 'Blog',
    summary: 'A blog platform.',
    contracts: {
      beginner: 'roadmap.sh Blogging Platform API',
      intermediate: 'RealWorld "Conduit" API, spec v2',
      advanced: 'RealWorld "Conduit" API, spec v2',
    },
    available: ['beginner', 'intermediate', 'advanced'],
  },
  {
    id: 'auth-system',
    title: 'Auth system',
    summary: 'A user authentication system.',
    contracts: {},
    available: ['beginner', 'intermediate', 'advanced'],
  },
  {
    id: 'expense-tracker',
    title: 'Expense tracker',
    summary: 'An expense tracker.',
    contracts: {
      beginner: 'roadmap.sh Expense Tracker API',
      intermediate: 'roadmap.sh Expense Tracker API',
      advanced: 'roadmap.sh Expense Tracker API',
    },
    available: ['beginner', 'intermediate', 'advanced'],
  },
  {
    id: 'ecommerce',
    title: 'E-commerce',
    summary: 'A simple e-commerce backend.',
    contracts: {
      beginner: 'roadmap.sh E-Commerce API',
      intermediate: 'roadmap.sh E-Commerce API',
      advanced: 'roadmap.sh Scalable E-Commerce Platform (design discussion)',
    },
    available: ['beginner', 'intermediate', 'advanced'],
  },
  {
    id: 'chat-server',
    title: 'Chat server',
    summary: 'A real-time chat server.',
    contracts: {
      beginner: 'roadmap.sh Broadcast Server',
      intermediate: 'Rooms over REST, JWT on the socket handshake, persisted history',
      advanced: 'Rooms shared by several instances through the socket.io Redis adapter',
    },
    available: ['beginner', 'intermediate', 'advanced'],
  },
];

export function isStageId(value: string): value is StageId {
  return (STAGE_IDS as readonly string[]).includes(value);
}

export function isIdeaId(value: string): value is IdeaId {
  return (IDEA_IDS as readonly string[]).includes(value);
}

export function getStage(id: StageId): Stage {
  const stage = STAGES.find((candidate) => candidate.id === id);
  if (!stage) throw new Error(`Unknown stage "${id}"`);
  return stage;
}

export function getIdea(id: IdeaId): Idea {
  const idea = IDEAS.find((candidate) => candidate.id === id);
  if (!idea) throw new Error(`Unknown idea "${id}"`);
  return idea;
}

/** Stages are cumulative: an intermediate starter teaches the beginner stage too. */
export function stagesUpTo(id: StageId): readonly Stage[] {
  return STAGES.slice(0, STAGE_IDS.indexOf(id) + 1);
}

export function isAvailable(idea: IdeaId, stage: StageId): boolean {
  return getIdea(idea).available.includes(stage);
}

/** Every starter that has templates: the verify matrix and the render tests iterate this. */
export function availableStarters(): { idea: IdeaId; stage: StageId }[] {
  return IDEAS.flatMap((idea) =>
    STAGE_IDS.filter((stage) => idea.available.includes(stage)).map((stage) => ({
      idea: idea.id,
      stage,
    })),
  );
}
