// Async boundary: the federation runtime negotiates the shared modules before the app runs.
import('./bootstrap');
