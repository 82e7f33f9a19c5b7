/* The floor for any loader: libyaml's bare event parse of the files named on standard input, one path a
 * line, on one thread, with no tree, no typing and no checks. run.py times it beside processlint. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

int main(void) {
    char path[4096];
    static unsigned char buffer[8 * 1024 * 1024];
    long events = 0, files = 0;
    while (fgets(path, sizeof path, stdin)) {
        path[strcspn(path, "\n")] = 0;
        FILE *file = fopen(path, "rb");
        if (!file) { perror(path); return 2; }
        size_t size = fread(buffer, 1, sizeof buffer, file);
        fclose(file);
        yaml_parser_t parser;
        yaml_event_t event;
        yaml_parser_initialize(&parser);
        yaml_parser_set_input_string(&parser, buffer, size);
        int done = 0;
        while (!done) {
            if (!yaml_parser_parse(&parser, &event)) break;
            done = event.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&event);
            events++;
        }
        yaml_parser_delete(&parser);
        files++;
    }
    printf("%ld files, %ld events\n", files, events);
    return 0;
}
