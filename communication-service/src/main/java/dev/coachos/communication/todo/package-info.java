/** Todos: personal ones and ones staff give to each other, about any record, read only by their creator and assignee. */
package dev.coachos.communication.todo;
