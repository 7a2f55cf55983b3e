/** The shared library of files and links that any lesson can reference. */
package dev.coachos.course.library;
