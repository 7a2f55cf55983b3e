/** marketing-service: the funnel from an enquiry to an enrolled student, and what each campaign brought in. */
package dev.coachos.marketing;
